package be.bolwerk.assessment;

import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The self-evaluation pages: the organisation's assessments and starting one; an assessment's overview with
 * progress per area and who answers it; an area's questions, saved answer by answer as the person works
 * (htmx), or with the save button when scripts are off; submitting.
 */
@Controller
@RequestMapping("/assessments")
class AssessmentController {

    private final SelfEvaluations evaluations;
    private final AssessmentStore assessments;
    private final Frameworks frameworks;
    private final OrganisationDirectory organisations;
    private final org.springframework.context.MessageSource messages;
    private final AnswerWorkbook workbook;
    private final PdfReport report;
    private final tools.jackson.databind.json.JsonMapper json;
    private final Clock clock;

    AssessmentController(
            SelfEvaluations evaluations,
            AssessmentStore assessments,
            Frameworks frameworks,
            OrganisationDirectory organisations,
            org.springframework.context.MessageSource messages,
            AnswerWorkbook workbook,
            PdfReport report,
            tools.jackson.databind.json.JsonMapper json,
            Clock clock) {
        this.messages = messages;
        this.workbook = workbook;
        this.report = report;
        this.json = json;
        this.evaluations = evaluations;
        this.assessments = assessments;
        this.frameworks = frameworks;
        this.organisations = organisations;
        this.clock = clock;
    }

    @ModelAttribute("levels")
    int[] levels() {
        return new int[] {0, 1, 2, 3, 4, 5};
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<OrganisationProfile> mine = organisations.memberOf(user);
        Map<UUID, String> names =
                mine.stream().collect(Collectors.toMap(o -> o.id().value(), OrganisationProfile::name));
        Map<UUID, String> titles = frameworks.all().stream()
                .collect(Collectors.toMap(f -> f.id().value(), f -> f.title() + " " + f.version()));
        model.addAttribute("rows", assessments.ofOrganisations(names.keySet()));
        model.addAttribute("organisationNames", names);
        model.addAttribute("frameworkTitles", titles);
        model.addAttribute(
                "administered",
                mine.stream()
                        .filter(o -> user.roleIn(o.id().value())
                                .filter(r -> r == OrganisationRole.ORGANISATION_ADMIN)
                                .isPresent())
                        .toList());
        model.addAttribute("frameworks", frameworks.all());
        model.addAttribute(
                "thisYear", clock.instant().atZone(ZoneId.of("Europe/Brussels")).getYear());
        return "assessment/list";
    }

    @PostMapping
    String start(
            @RequestParam(required = false) UUID organisationId,
            @RequestParam(required = false) UUID frameworkVersionId,
            @RequestParam(defaultValue = "") String year,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        int thisYear = clock.instant().atZone(ZoneId.of("Europe/Brussels")).getYear();
        if (organisationId == null
                || frameworkVersionId == null
                || !year.strip().matches("\\d{4}")
                || Math.abs(Integer.parseInt(year.strip()) - thisYear) > 1) {
            redirect.addFlashAttribute("problem", "assessment.start.invalid");
            return "redirect:/assessments";
        }
        UUID id = evaluations.start(organisationId, frameworkVersionId, Integer.parseInt(year.strip()), user);
        return "redirect:/assessments/" + id;
    }

    @GetMapping("/{id}")
    String overview(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        SelfEvaluations.View view = evaluations.view(id, user);
        model.addAttribute("view", view);
        model.addAttribute("organisation", organisationName(view, user));
        if (view.access().admin()) {
            model.addAttribute(
                    "members",
                    evaluations.assignable(view.assessment()).stream()
                            .filter(m -> m.role() != OrganisationRole.VIEWER)
                            .toList());
        }
        Map<UUID, String> names = evaluations.assignable(view.assessment()).stream()
                .collect(Collectors.toMap(m -> m.accountId(), m -> m.displayName(), (a, b) -> a));
        model.addAttribute("assigneeNames", names);
        return "assessment/overview";
    }

    @GetMapping("/{id}/results")
    String results(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        SelfEvaluations.Results results = evaluations.results(id, user);
        SelfEvaluations.View view = results.view();
        model.addAttribute("results", results);
        model.addAttribute("view", view);
        model.addAttribute("organisation", organisationName(view, user));
        model.addAttribute("chart", chartJson(results));
        Map<UUID, String> memberNames = evaluations.assignable(view.assessment()).stream()
                .collect(Collectors.toMap(m -> m.accountId(), m -> m.displayName(), (x, y) -> x));
        model.addAttribute("memberNames", memberNames);
        if (view.access().admin()) {
            model.addAttribute("members", evaluations.assignable(view.assessment()));
            if (!model.containsAttribute("actionForm")) {
                model.addAttribute(
                        "actionForm",
                        new ActionForm(
                                results.gaps().isEmpty()
                                        ? ""
                                        : results.gaps().get(0).control().ref(),
                                "",
                                "",
                                clock.instant()
                                        .atZone(ZoneId.of("Europe/Brussels"))
                                        .toLocalDate()
                                        .plusMonths(3)
                                        .toString(),
                                "MEDIUM"));
            }
        }
        return "assessment/results";
    }

    /** The radar's data: this assessment, last year's and the peers' median, per area (null where missing). */
    private String chartJson(SelfEvaluations.Results results) {
        List<FrameworkNode> areas = results.view().framework().areas();
        List<String> labels = areas.stream().map(a -> a.ref() + " " + a.title()).toList();
        List<Map<String, Object>> datasets = new java.util.ArrayList<>();
        datasets.add(dataset(
                message("assessment.results.thisOne"),
                areas,
                ref -> results.view().scores().group(ref)));
        results.previous()
                .ifPresent(previous -> datasets.add(dataset(
                        message("assessment.results.previous"),
                        areas,
                        ref -> previous.areas().get(ref))));
        if (results.peers().shown()) {
            datasets.add(dataset(
                    message("assessment.results.peerMedian"),
                    areas,
                    ref -> java.util.Optional.ofNullable(results.peers().areas().get(ref))
                            .map(Spread::median)
                            .orElse(null)));
        }
        Map<String, Object> chart = new java.util.LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("datasets", datasets);
        return json.writeValueAsString(chart);
    }

    private static Map<String, Object> dataset(
            String label, List<FrameworkNode> areas, Function<String, java.math.BigDecimal> score) {
        Map<String, Object> dataset = new java.util.LinkedHashMap<>();
        dataset.put("label", label);
        dataset.put(
                "data",
                areas.stream()
                        .map(a -> score.apply(a.ref()))
                        .map(v -> v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_UP))
                        .toList());
        return dataset;
    }

    private String message(String key) {
        return messages.getMessage(key, null, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    @PostMapping("/{id}/actions")
    String proposeAction(
            @PathVariable UUID id,
            @ModelAttribute ActionForm form,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        evaluations.view(id, user);
        List<String> problems = form.problems(
                clock.instant().atZone(ZoneId.of("Europe/Brussels")).toLocalDate());
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problems", problems);
            redirect.addFlashAttribute("actionForm", form);
            return "redirect:/assessments/" + id + "/results#actions";
        }
        try {
            boolean created = evaluations.proposeAction(id, form, user);
            redirect.addFlashAttribute("notice", created ? "assessment.action.created" : "assessment.action.exists");
        } catch (SelfEvaluations.AnswerRefused refused) {
            redirect.addFlashAttribute("problems", List.of(refused.key()));
            redirect.addFlashAttribute("actionForm", form);
        }
        return "redirect:/assessments/" + id + "/results#actions";
    }

    @PostMapping("/{id}/answers/{ref}/evidence")
    String addEvidenceFile(
            @PathVariable UUID id,
            @PathVariable String ref,
            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect)
            throws java.io.IOException {
        evaluations.view(id, user);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "assessment.evidence.noFile");
        } else if (file.getSize() > Evidence.MAX_BYTES) {
            redirect.addFlashAttribute("problem", "assessment.evidence.size");
        } else {
            try {
                evaluations.addEvidenceFile(id, ref, file.getOriginalFilename(), file.getBytes(), user);
                redirect.addFlashAttribute("notice", "assessment.evidence.added");
            } catch (Evidence.Refused refused) {
                redirect.addFlashAttribute("problem", refused.key());
            } catch (Assessment.AssessmentLocked locked) {
                redirect.addFlashAttribute("problem", "assessment.answer.locked");
            }
        }
        return backToControl(id, ref, user);
    }

    @PostMapping("/{id}/answers/{ref}/links")
    String addEvidenceLink(
            @PathVariable UUID id,
            @PathVariable String ref,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String url,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        evaluations.view(id, user);
        try {
            evaluations.addEvidenceLink(id, ref, title, url, user);
            redirect.addFlashAttribute("notice", "assessment.evidence.added");
        } catch (Evidence.Refused refused) {
            redirect.addFlashAttribute("problem", refused.key());
        } catch (Assessment.AssessmentLocked locked) {
            redirect.addFlashAttribute("problem", "assessment.answer.locked");
        }
        return backToControl(id, ref, user);
    }

    /** Served as an attachment only, in its checked type, and sandboxed should a browser open it anyway. */
    @GetMapping("/{id}/evidence/{evidenceId}")
    void evidenceFile(
            @PathVariable UUID id,
            @PathVariable UUID evidenceId,
            @AuthenticationPrincipal CurrentUser user,
            jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        Evidence.Download file = evaluations.evidenceFile(id, evidenceId, user);
        response.setContentType(file.contentType());
        response.setHeader(
                org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                org.springframework.http.ContentDisposition.attachment()
                        .filename(file.name(), java.nio.charset.StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        response.setContentLength(file.content().length);
        response.getOutputStream().write(file.content());
    }

    @PostMapping("/{id}/evidence/{evidenceId}/delete")
    String removeEvidence(
            @PathVariable UUID id,
            @PathVariable UUID evidenceId,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @RequestParam(defaultValue = "") String ref,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        evaluations.evidenceFile(id, evidenceId, user);
        if (!confirmed) {
            redirect.addFlashAttribute("problem", "users.confirmFirst");
        } else {
            try {
                evaluations.removeEvidence(id, evidenceId, user);
                redirect.addFlashAttribute("notice", "assessment.evidence.removed");
            } catch (Assessment.AssessmentLocked locked) {
                redirect.addFlashAttribute("problem", "assessment.answer.locked");
            }
        }
        return backToControl(id, ref, user);
    }

    private String backToControl(UUID id, String ref, CurrentUser user) {
        SelfEvaluations.View view = evaluations.view(id, user);
        return view.areaOf(ref)
                .map(area -> "redirect:/assessments/" + id + "/areas/" + area.ref() + "#control-"
                        + view.framework().node(ref).orElseThrow().domId())
                .orElse("redirect:/assessments/" + id);
    }

    @GetMapping("/{id}/report.pdf")
    void report(
            @PathVariable UUID id,
            @AuthenticationPrincipal CurrentUser user,
            jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        SelfEvaluations.Results results = evaluations.results(id, user);
        Map<UUID, String> memberNames = evaluations.assignable(results.view().assessment()).stream()
                .collect(Collectors.toMap(m -> m.accountId(), m -> m.displayName(), (x, y) -> x));
        java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
        report.write(
                results,
                organisationName(results.view(), user),
                memberNames,
                org.springframework.context.i18n.LocaleContextHolder.getLocale(),
                pdf);
        response.setContentType(org.springframework.http.MediaType.APPLICATION_PDF_VALUE);
        response.setHeader(
                org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                org.springframework.http.ContentDisposition.attachment()
                        .filename(
                                "rapport-" + results.view().framework().code() + "-"
                                        + results.view().assessment().year() + ".pdf",
                                java.nio.charset.StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setContentLength(pdf.size());
        pdf.writeTo(response.getOutputStream());
    }

    @GetMapping("/{id}/export.xlsx")
    void exportAnswers(
            @PathVariable UUID id,
            @AuthenticationPrincipal CurrentUser user,
            jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        SelfEvaluations.View view = evaluations.view(id, user);
        if (!view.access().admin()) {
            throw new org.springframework.security.access.AccessDeniedException("only admins export all answers");
        }
        response.setContentType(AnswerWorkbook.CONTENT_TYPE);
        response.setHeader(
                org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                org.springframework.http.ContentDisposition.attachment()
                        .filename(
                                "zelfevaluatie-" + view.framework().code() + "-"
                                        + view.assessment().year() + ".xlsx",
                                java.nio.charset.StandardCharsets.UTF_8)
                        .build()
                        .toString());
        workbook.write(
                view, org.springframework.context.i18n.LocaleContextHolder.getLocale(), response.getOutputStream());
    }

    @PostMapping("/{id}/import")
    String importAnswers(
            @PathVariable UUID id,
            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect)
            throws java.io.IOException {
        SelfEvaluations.View view = evaluations.view(id, user);
        if (!view.access().admin()) {
            throw new org.springframework.security.access.AccessDeniedException("only admins import answers");
        }
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "assessment.workbook.noFile");
            return "redirect:/assessments/" + id;
        }
        try (java.io.InputStream in = file.getInputStream()) {
            java.util.Map<String, AnswerInput> inputs =
                    workbook.read(in, view, org.springframework.context.i18n.LocaleContextHolder.getLocale());
            SelfEvaluations.Imported imported = evaluations.importAnswers(id, inputs, user);
            redirect.addFlashAttribute("notice", "assessment.workbook.imported");
            redirect.addFlashAttribute("importedCounts", List.of(imported.saved(), imported.unchanged()));
        } catch (AnswerWorkbook.Refused refused) {
            redirect.addFlashAttribute("problem", refused.key());
            redirect.addFlashAttribute("problemDetails", refused.details());
        } catch (Assessment.AssessmentLocked locked) {
            redirect.addFlashAttribute("problem", "assessment.answer.locked");
        }
        return "redirect:/assessments/" + id;
    }

    @PostMapping("/{id}/assignments")
    String assign(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String areaRef,
            @RequestParam(defaultValue = "") String accountId,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        UUID account;
        try {
            account = accountId.isBlank() ? null : UUID.fromString(accountId.strip());
        } catch (IllegalArgumentException malformed) {
            throw new AssessmentNotFound();
        }
        try {
            evaluations.assign(id, areaRef, account, user);
            redirect.addFlashAttribute("notice", "assessment.assign.saved");
        } catch (SelfEvaluations.AnswerRefused refused) {
            redirect.addFlashAttribute("problem", refused.key());
        }
        return "redirect:/assessments/" + id;
    }

    @GetMapping("/{id}/areas/{ref}")
    String area(
            @PathVariable UUID id, @PathVariable String ref, @AuthenticationPrincipal CurrentUser user, Model model) {
        SelfEvaluations.View view = evaluations.view(id, user);
        FrameworkNode area = view.area(ref);
        if (!view.access().mayOpen(ref)) {
            throw new AssessmentNotFound();
        }
        model.addAttribute("view", view);
        model.addAttribute("area", area);
        model.addAttribute("editable", view.access().mayAnswer(ref));
        model.addAttribute("evidence", evaluations.evidenceOf(view));
        model.addAttribute("allowedTypes", String.join(", ", Evidence.allowedExtensions()));
        return "assessment/area";
    }

    /**
     * Saves one control's answer. htmx gets the control's status line back (with the new revision and the
     * area's progress swapped in out of band); a plain form post goes back to the area page.
     */
    @PostMapping("/{id}/answers/{ref}")
    String answer(
            @PathVariable UUID id,
            @PathVariable String ref,
            @ModelAttribute AnswerForm form,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        String outcome;
        AnswerStore.Saved saved = null;
        List<String> problems = form.problems();
        if (!problems.isEmpty()) {
            outcome = problems.get(0);
        } else {
            try {
                saved = evaluations.answer(id, ref, form.input(), user);
                outcome = switch (saved.outcome()) {
                    case SAVED, UNCHANGED ->
                        saved.answer().complete()
                                ? "assessment.answer.saved"
                                : saved.answer().notApplicable()
                                        ? "assessment.answer.needsJustification"
                                        : "assessment.answer.savedIncomplete";
                    case CONFLICT -> "assessment.answer.conflict";
                };
            } catch (SelfEvaluations.AnswerRefused refused) {
                outcome = refused.key();
            } catch (Assessment.AssessmentLocked locked) {
                outcome = "assessment.answer.locked";
            }
        }
        SelfEvaluations.View view = evaluations.view(id, user);
        String areaRef = view.areaOf(ref).map(FrameworkNode::ref).orElseThrow(AssessmentNotFound::new);
        if (htmx == null) {
            redirect.addFlashAttribute(
                    saved != null && saved.outcome() != AnswerStore.Outcome.CONFLICT ? "notice" : "problem", outcome);
            return "redirect:/assessments/" + id + "/areas/" + areaRef + "#control-"
                    + view.framework().node(ref).orElseThrow().domId();
        }
        model.addAttribute("view", view);
        model.addAttribute("area", view.area(areaRef));
        model.addAttribute("ref", ref);
        model.addAttribute("domId", view.framework().node(ref).orElseThrow().domId());
        model.addAttribute("outcome", outcome);
        model.addAttribute("ok", saved != null && saved.outcome() != AnswerStore.Outcome.CONFLICT);
        model.addAttribute("answer", view.answers().get(ref));
        return "assessment/area :: saved";
    }

    @PostMapping("/{id}/submit")
    String submit(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        // Someone else's assessment answers 404 before anything is said about the confirmation.
        evaluations.view(id, user);
        if (!confirmed) {
            redirect.addFlashAttribute("problem", "users.confirmFirst");
            return "redirect:/assessments/" + id;
        }
        try {
            evaluations.submit(id, user);
            redirect.addFlashAttribute("notice", "assessment.submit.done");
        } catch (Assessment.AssessmentIncomplete incomplete) {
            redirect.addFlashAttribute("problem", "assessment.submit.incomplete");
        } catch (Assessment.AssessmentLocked locked) {
            redirect.addFlashAttribute("problem", "assessment.answer.locked");
        }
        return "redirect:/assessments/" + id;
    }

    private String organisationName(SelfEvaluations.View view, CurrentUser user) {
        return organisations.memberOf(user).stream()
                .collect(Collectors.toMap(o -> o.id().value(), Function.identity()))
                .get(view.assessment().organisationId())
                .name();
    }
}
