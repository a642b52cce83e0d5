package be.bolwerk.assessment.web;

import be.bolwerk.assessment.evaluation.AnswerStore;
import be.bolwerk.assessment.evaluation.Answering;
import be.bolwerk.assessment.evaluation.AssessmentNotFound;
import be.bolwerk.assessment.evaluation.AssessmentStore;
import be.bolwerk.assessment.evaluation.Assigning;
import be.bolwerk.assessment.evaluation.Evaluations;
import be.bolwerk.assessment.evaluation.SelfEvaluation;
import be.bolwerk.assessment.evaluation.Starting;
import be.bolwerk.assessment.evaluation.Submitting;
import be.bolwerk.assessment.evidence.Evidence;
import be.bolwerk.assessment.evidence.EvidenceFiles;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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

    private final Evaluations evaluations;
    private final Starting starting;
    private final Assigning assigning;
    private final Answering answering;
    private final Submitting submitting;
    private final EvidenceFiles evidence;
    private final AssessmentStore assessments;
    private final Frameworks frameworks;
    private final OrganisationDirectory organisations;
    private final Clock clock;

    AssessmentController(
            Evaluations evaluations,
            Starting starting,
            Assigning assigning,
            Answering answering,
            Submitting submitting,
            EvidenceFiles evidence,
            AssessmentStore assessments,
            Frameworks frameworks,
            OrganisationDirectory organisations,
            Clock clock) {
        this.evaluations = evaluations;
        this.starting = starting;
        this.assigning = assigning;
        this.answering = answering;
        this.submitting = submitting;
        this.evidence = evidence;
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
        model.addAttribute("frameworks", frameworks.published());
        model.addAttribute("thisYear", BelgianTime.thisYear(clock));
        return "assessment/list";
    }

    @PostMapping
    String start(
            @RequestParam(required = false) UUID organisationId,
            @RequestParam(required = false) UUID frameworkVersionId,
            @RequestParam(defaultValue = "") String year,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        int thisYear = BelgianTime.thisYear(clock);
        if (organisationId == null
                || frameworkVersionId == null
                || !year.strip().matches("\\d{4}")
                || Math.abs(Integer.parseInt(year.strip()) - thisYear) > 1) {
            redirect.addFlashAttribute("problem", "assessment.start.invalid");
            return "redirect:/assessments";
        }
        UUID id = starting.start(organisationId, frameworkVersionId, Integer.parseInt(year.strip()), user);
        return "redirect:/assessments/" + id;
    }

    @GetMapping("/{id}")
    String overview(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        SelfEvaluation view = evaluations.view(id, user);
        model.addAttribute("view", view);
        model.addAttribute("organisation", evaluations.organisationName(view.assessment(), user));
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
        model.addAttribute("next", NextStep.of(view));
        model.addAttribute("toConfirm", submitting.unconfirmed(view));
        return "assessment/overview";
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
            assigning.assign(id, areaRef, account, user);
            redirect.addFlashAttribute("notice", "assessment.assign.saved");
        } catch (Refusal refusal) {
            Refusals.flash(redirect, refusal);
        }
        return "redirect:/assessments/" + id;
    }

    @GetMapping("/{id}/areas/{ref}")
    String area(
            @PathVariable UUID id,
            @PathVariable String ref,
            @RequestParam(defaultValue = "") String only,
            @AuthenticationPrincipal CurrentUser user,
            Model model) {
        return areaPage(evaluations.view(id, user), ref, "unanswered".equals(only), model);
    }

    private String areaPage(SelfEvaluation view, String ref, boolean onlyUnanswered, Model model) {
        FrameworkNode area = view.area(ref);
        if (!view.access().mayOpen(ref)) {
            throw new AssessmentNotFound();
        }
        model.addAttribute("view", view);
        model.addAttribute("area", area);
        model.addAttribute("page", AreaPage.of(view, area, onlyUnanswered));
        model.addAttribute("editable", view.access().mayAnswer(ref));
        model.addAttribute("evidence", evidence.of(view));
        model.addAttribute("allowedTypes", String.join(", ", Evidence.allowedExtensions()));
        return "assessment/area";
    }

    /**
     * Saves one control's answer. htmx gets the control's status line back (with the new revision and the
     * area's progress swapped in out of band); a plain form post goes back to the control on the area page.
     * When a colleague changed the same field first, nothing is saved and the person gets both versions to
     * merge: htmx puts them next to the control, a plain post shows the area page with them (409).
     */
    @PostMapping("/{id}/answers/{ref}")
    String answer(
            @PathVariable UUID id,
            @PathVariable String ref,
            @Valid @ModelAttribute AnswerForm form,
            BindingResult binding,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String outcome;
        AnswerStore.Saved saved = null;
        List<String> problems = FormProblems.of(binding, AnswerForm.class);
        if (!problems.isEmpty()) {
            outcome = problems.get(0);
        } else {
            try {
                saved = answering.answer(id, ref, form.input(), user);
                outcome = switch (saved.outcome()) {
                    case SAVED, UNCHANGED ->
                        saved.answer().complete()
                                ? saved.merged() ? "assessment.answer.merged" : "assessment.answer.saved"
                                : saved.answer().notApplicable()
                                        ? "assessment.answer.needsJustification"
                                        : "assessment.answer.savedIncomplete";
                    case CONFLICT -> "assessment.answer.conflictMerge";
                };
            } catch (Refusal refusal) {
                outcome = refusal.messageKey();
            }
        }
        SelfEvaluation view = evaluations.view(id, user);
        String areaRef = view.areaOf(ref).map(FrameworkNode::ref).orElseThrow(AssessmentNotFound::new);
        String domId = view.framework().node(ref).orElseThrow().domId();
        boolean ok = saved != null && saved.outcome() != AnswerStore.Outcome.CONFLICT;
        if (saved != null && saved.outcome() == AnswerStore.Outcome.CONFLICT) {
            model.addAttribute("conflict", conflict(view, ref, domId, saved, locale));
            if (htmx == null) {
                response.setStatus(HttpStatus.CONFLICT.value());
                return areaPage(view, areaRef, false, model);
            }
            response.setHeader("HX-Retarget", "#merge-" + domId);
            response.setHeader("HX-Reswap", "innerHTML");
            model.addAttribute("view", view);
            model.addAttribute("a", view.assessment());
            return "assessment/merge :: swapped";
        }
        if (htmx == null) {
            if (ok) {
                ControlFeedback.done(redirect, ref, "answer", outcome);
            } else {
                ControlFeedback.refused(redirect, ref, "answer", outcome);
            }
            return ControlFeedback.redirect(view, id, ref, "control");
        }
        model.addAttribute("view", view);
        model.addAttribute("area", view.area(areaRef));
        model.addAttribute("ref", ref);
        model.addAttribute("domId", domId);
        model.addAttribute("outcome", outcome);
        model.addAttribute("ok", ok);
        model.addAttribute("answer", view.answers().get(ref));
        model.addAttribute(
                "wasCarried",
                saved != null
                        && saved.outcome() == AnswerStore.Outcome.SAVED
                        && !saved.answer().carriedOver()
                        && form.revision() != null
                        && "1".equals(form.revision()));
        return "assessment/area :: saved";
    }

    private ConflictView conflict(
            SelfEvaluation view, String ref, String domId, AnswerStore.Saved saved, Locale locale) {
        String name = evaluations.assignable(view.assessment()).stream()
                .filter(m -> m.accountId().equals(saved.answer().answeredBy()))
                .map(m -> m.displayName())
                .findFirst()
                .orElse(null);
        String time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(BelgianTime.ZONE)
                .format(saved.answer().answeredAt());
        return ConflictView.of(ref, domId, saved.answer(), saved.sent(), saved.merge(), name, time);
    }

    /** Confirms one carried-over answer as it is. */
    @PostMapping("/{id}/answers/{ref}/confirm")
    String confirm(
            @PathVariable UUID id,
            @PathVariable String ref,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        try {
            answering.confirm(id, ref, user);
            ControlFeedback.done(redirect, ref, "answer", "assessment.carryOver.confirmed");
        } catch (Refusal refusal) {
            ControlFeedback.refused(redirect, ref, "answer", refusal);
        }
        return ControlFeedback.redirect(evaluations.view(id, user), id, ref, "control");
    }

    /** Confirms every carried-over answer of one area as it is. */
    @PostMapping("/{id}/areas/{ref}/confirm")
    String confirmArea(
            @PathVariable UUID id,
            @PathVariable String ref,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        try {
            answering.confirmArea(id, ref, user);
            redirect.addFlashAttribute("notice", "assessment.carryOver.confirmedArea");
        } catch (Refusal refusal) {
            Refusals.flash(redirect, refusal);
        }
        return "redirect:/assessments/" + id + "/areas/" + ref;
    }

    /**
     * Submits. Carried-over answers still to confirm are never submitted silently: the first post leads to a
     * second step that says how many there are, and only its explicit "submit them as they are" submits.
     */
    @PostMapping("/{id}/submit")
    String submit(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @RequestParam(defaultValue = "false") boolean unconfirmedAccepted,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        // Someone else's assessment answers 404 before anything is said about the confirmation.
        evaluations.view(id, user);
        if (!confirmed) {
            redirect.addFlashAttribute("problem", "users.confirmFirst");
            return "redirect:/assessments/" + id;
        }
        try {
            submitting.submit(id, user, unconfirmedAccepted);
            redirect.addFlashAttribute("notice", "assessment.submit.done");
        } catch (Refusal refusal) {
            if (Submitting.UNCONFIRMED.equals(refusal.messageKey())) {
                return "redirect:/assessments/" + id + "/submit";
            }
            Refusals.flash(redirect, refusal);
        }
        return "redirect:/assessments/" + id;
    }

    /** The second step of submitting while carried-over answers are still to confirm. */
    @GetMapping("/{id}/submit")
    String confirmSubmit(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, Model model) {
        SelfEvaluation view = evaluations.view(id, user);
        if (!view.access().admin()) {
            throw new AccessDeniedException("only admins submit");
        }
        int unconfirmed = submitting.unconfirmed(view);
        if (unconfirmed == 0 || !view.assessment().isDraft()) {
            return "redirect:/assessments/" + id;
        }
        model.addAttribute("view", view);
        model.addAttribute("unconfirmed", unconfirmed);
        model.addAttribute("areas", toConfirmByArea(view));
        return "assessment/submit";
    }

    /** The areas with answers still to confirm, and how many, for the second step's links. */
    private static List<Map.Entry<FrameworkNode, Long>> toConfirmByArea(SelfEvaluation view) {
        return view.framework().areas().stream()
                .map(area -> Map.entry(
                        area,
                        area.controls().stream()
                                .map(c -> view.answers().get(c.ref()))
                                .filter(a -> a != null && a.carriedOver())
                                .count()))
                .filter(e -> e.getValue() > 0)
                .toList();
    }
}
