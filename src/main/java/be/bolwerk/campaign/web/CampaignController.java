package be.bolwerk.campaign.web;

import be.bolwerk.campaign.CampaignId;
import be.bolwerk.campaign.running.Campaign;
import be.bolwerk.campaign.running.Completion;
import be.bolwerk.campaign.running.Extending;
import be.bolwerk.campaign.running.Opening;
import be.bolwerk.campaign.running.Participant;
import be.bolwerk.campaign.running.ReminderSchedule;
import be.bolwerk.campaign.running.Reminding;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Refusals;
import jakarta.validation.Valid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The programme office's campaign pages: the list, opening one, the completion overview with its export, the
 * reminder by hand (preview, then one click) and an organisation's extension.
 */
@Controller
@RequestMapping("/campaigns")
@PreAuthorize("hasRole('PROGRAMME_OFFICER')")
class CampaignController {

    private static final String FORM = "campaign/form";
    private static final String EXTENSION = "campaign/extension";

    private final Opening opening;
    private final Completion completion;
    private final Reminding reminding;
    private final Extending extending;
    private final Frameworks frameworks;
    private final Lines lines;
    private final CompletionSpreadsheet spreadsheet;
    private final Clock clock;

    CampaignController(
            Opening opening,
            Completion completion,
            Reminding reminding,
            Extending extending,
            Frameworks frameworks,
            Lines lines,
            CompletionSpreadsheet spreadsheet,
            Clock clock) {
        this.opening = opening;
        this.completion = completion;
        this.reminding = reminding;
        this.extending = extending;
        this.frameworks = frameworks;
        this.lines = lines;
        this.spreadsheet = spreadsheet;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model, Locale locale) {
        model.addAttribute("campaigns", lines.campaigns(completion.campaigns(), locale));
        return "campaign/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        LocalDate today = BelgianTime.today(clock);
        UUID first = frameworks.published().isEmpty()
                ? null
                : frameworks.published().get(0).id().value();
        model.addAttribute("campaignForm", CampaignForm.proposal(first, today.getYear(), today));
        return form(model);
    }

    @PostMapping
    String open(
            @Valid @ModelAttribute("campaignForm") CampaignForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        LocalDate startsOn = CampaignForm.date(form.startsOn());
        LocalDate deadline = CampaignForm.date(form.deadline());
        if (!binding.hasFieldErrors("startsOn") && startsOn == null) {
            binding.rejectValue("startsOn", "campaign.date.format");
        }
        if (!binding.hasFieldErrors("deadline") && deadline == null) {
            binding.rejectValue("deadline", "campaign.date.format");
        }
        if (binding.hasErrors()) {
            return form(model);
        }
        try {
            CampaignId id = opening.open(
                    new Opening.Request(
                            form.name(),
                            form.frameworkVersionId(),
                            Integer.parseInt(form.year().strip()),
                            form.invitedType(),
                            startsOn,
                            deadline,
                            ReminderSchedule.parse(form.reminders())),
                    user);
            redirect.addFlashAttribute("notice", "campaign.opened");
            return "redirect:/campaigns/" + id;
        } catch (Refusal refused) {
            reject(binding, refused);
            return form(model);
        }
    }

    private String form(Model model) {
        model.addAttribute("frameworks", frameworks.published());
        model.addAttribute("types", OrganisationType.values());
        return FORM;
    }

    private static void reject(BindingResult binding, Refusal refused) {
        if (refused.is(Campaign.DEADLINE_BEFORE_START) || refused.is(Campaign.DEADLINE_PAST)) {
            Refusals.reject(binding, "deadline", refused);
        } else if (refused.is(Campaign.YEAR_OUT_OF_RANGE)) {
            Refusals.reject(binding, "year", refused);
        } else if (refused.is(ReminderSchedule.INVALID)) {
            Refusals.reject(binding, "reminders", refused);
        } else if (refused.is(Opening.UNKNOWN_FRAMEWORK)) {
            Refusals.reject(binding, "frameworkVersionId", refused);
        } else {
            Refusals.reject(binding, refused);
        }
    }

    @GetMapping("/{id}")
    String overview(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "BEHIND") String filter,
            @RequestParam(defaultValue = "NAME") String sort,
            @RequestParam(defaultValue = "asc") String dir,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale) {
        Completion.Question question = question(filter, sort, dir, page, size);
        Completion.Overview overview = completion.of(new CampaignId(id), question, user);
        model.addAttribute(
                "campaign",
                lines.campaigns(List.of(overview.campaign()), locale).get(0));
        model.addAttribute("overview", overview);
        model.addAttribute("question", question);
        model.addAttribute("rows", overview.rows().map(row -> lines.completion(row, locale)));
        model.addAttribute("sorts", Completion.Sort.values());
        return "campaign/detail";
    }

    @GetMapping("/{id}/export.xlsx")
    ResponseEntity<byte[]> export(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "BEHIND") String filter,
            @RequestParam(defaultValue = "NAME") String sort,
            @RequestParam(defaultValue = "asc") String dir,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale)
            throws IOException {
        CampaignId campaignId = new CampaignId(id);
        Campaign campaign = completion.campaign(campaignId);
        List<CompletionLine> rows =
                completion
                        .matching(campaignId, question(filter, sort, dir, 0, Completion.Question.DEFAULT_SIZE), user)
                        .stream()
                        .map(row -> lines.completion(row, locale))
                        .toList();
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        spreadsheet.write(campaign.name(), rows, locale, workbook);
        String filename = "campagne-" + campaign.year() + "-" + LocalDate.now(clock) + ".xlsx";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CompletionSpreadsheet.CONTENT_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(workbook.toByteArray());
    }

    /** The preview: who the reminder goes to and what it says, before the one click that sends it. */
    @GetMapping("/{id}/reminder")
    String reminderPreview(@PathVariable UUID id, Model model, Locale locale) {
        CampaignId campaignId = new CampaignId(id);
        Campaign campaign = completion.campaign(campaignId);
        model.addAttribute(
                "campaign", lines.campaigns(List.of(campaign), locale).get(0));
        List<Reminding.Recipient> recipients = reminding.preview(campaignId);
        model.addAttribute(
                "recipients", recipients.stream().map(Lines::reminder).toList());
        if (!recipients.isEmpty()) {
            // The text exactly as the first organisation on the list will get it, in the mails' language.
            Reminding.Recipient first = recipients.get(0);
            model.addAttribute("previewSubject", lines.reminderSubject(campaign));
            model.addAttribute(
                    "previewBody",
                    lines.reminderBody(campaign, completion.framework(campaign), first, BelgianTime.today(clock)));
        }
        return "campaign/reminder";
    }

    @PostMapping("/{id}/reminder")
    String sendReminder(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        int reminded = reminding.sendNow(new CampaignId(id), user);
        redirect.addFlashAttribute("notice", reminded == 0 ? "campaign.reminder.noneSent" : "campaign.reminder.sent");
        redirect.addFlashAttribute("noticeCount", reminded);
        return "redirect:/campaigns/" + id;
    }

    @GetMapping("/{id}/organisations/{organisationId}/extension")
    String extensionForm(@PathVariable UUID id, @PathVariable UUID organisationId, Model model, Locale locale) {
        Participant participant = extensionModel(id, organisationId, model, locale);
        model.addAttribute(
                "extensionForm",
                new ExtensionForm(
                        participant.deadline().plusWeeks(2).toString(),
                        null,
                        participant.deadline().toString()));
        return EXTENSION;
    }

    @PostMapping("/{id}/organisations/{organisationId}/extension")
    String extend(
            @PathVariable UUID id,
            @PathVariable UUID organisationId,
            @Valid @ModelAttribute("extensionForm") ExtensionForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Participant participant = extensionModel(id, organisationId, model, locale);
        LocalDate deadline = CampaignForm.date(form.deadline());
        if (!binding.hasFieldErrors("deadline") && deadline == null) {
            binding.rejectValue("deadline", "campaign.date.format");
        }
        if (binding.hasErrors()) {
            return EXTENSION;
        }
        LocalDate seen = CampaignForm.date(form.seen());
        try {
            extending.extend(
                    new CampaignId(id),
                    organisationId,
                    seen == null ? participant.deadline() : seen,
                    deadline,
                    form.reason(),
                    user);
            redirect.addFlashAttribute("notice", "campaign.extension.saved");
            return "redirect:/campaigns/" + id + "?filter=ALL";
        } catch (Refusal refused) {
            if (refused.is(Extending.NOT_LATER)) {
                Refusals.reject(binding, "deadline", refused);
            } else {
                Refusals.reject(binding, refused);
            }
            return EXTENSION;
        }
    }

    private Participant extensionModel(UUID id, UUID organisationId, Model model, Locale locale) {
        CampaignId campaignId = new CampaignId(id);
        Campaign campaign = completion.campaign(campaignId);
        Participant participant = completion.participant(campaignId, organisationId);
        model.addAttribute(
                "campaign", lines.campaigns(List.of(campaign), locale).get(0));
        model.addAttribute("participant", participant);
        model.addAttribute("currentDeadline", Lines.date(participant.deadline()));
        return participant;
    }

    private static Completion.Question question(String filter, String sort, String dir, int page, int size) {
        return new Completion.Question(
                parse(Completion.Filter.class, filter),
                parse(Completion.Sort.class, sort),
                "desc".equalsIgnoreCase(dir),
                page,
                size);
    }

    /** An unknown value (a hand-edited address) falls back to the default instead of failing. */
    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
