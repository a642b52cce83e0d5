package be.bolwerk.shared;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * Spring Data JDBC quotes identifiers by default, with the letter case of its dialect: H2's dialect upper-cases
 * derived names but keeps explicit ones as written, so the same mapping cannot match one schema on H2 and on
 * PostgreSQL. Unquoted, every identifier is folded by the database itself, exactly like the hand-written SQL
 * of the migrations and of the JdbcClient queries.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    @Bean
    static BeanPostProcessor unquotedIdentifiers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof RelationalMappingContext context) {
                    context.setForceQuote(false);
                }
                return bean;
            }
        };
    }
}
