package be.bolwerk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** House rules that Spring Modulith does not check by itself (see shared/STYLE.md). */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("be.bolwerk");

    @Test
    void repositoriesAreOutOfReachOfOtherModules() {
        ArchRule rule = classes()
                .that()
                .areAssignableTo(Repository.class)
                .should()
                .notBePublic()
                .orShould()
                .resideInAPackage("be.bolwerk.*.*..")
                .because("a module's tables are its own; other modules use its API (a sub-package is internal to its"
                        + " module for Spring Modulith)");
        rule.check(CLASSES);
    }

    @Test
    void entitiesAreOutOfReachOfOtherModules() {
        ArchRule rule = classes()
                .that()
                .areAnnotatedWith(Table.class)
                .should()
                .notBePublic()
                .orShould()
                .resideInAPackage("be.bolwerk.*.*..")
                .because("aggregates are reached through their module's services, never directly: package-private in"
                        + " a module's own package, or in a sub-package, which Spring Modulith keeps internal");
        rule.check(CLASSES);
    }

    @Test
    void controllersArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .notBePublic()
                .check(CLASSES);
    }

    @Test
    void noLayerPackages() {
        noClasses()
                .should()
                .resideInAnyPackage(
                        "..controller..",
                        "..controllers..",
                        "..service..",
                        "..services..",
                        "..repository..",
                        "..repositories..",
                        "..dto..",
                        "..util..",
                        "..utils..",
                        "..impl..")
                .because("code is packaged by capability, not by technical layer")
                .check(CLASSES);
    }

    @Test
    void noFieldInjection() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.beans.factory.annotation.Autowired")
                .because("dependencies come in through constructors")
                .check(CLASSES);
    }
}
