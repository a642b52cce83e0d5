package be.bolwerk.findings.web;

import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.register.FindingAccess;
import be.bolwerk.findings.register.Handling;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Refusals;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The steps on one finding, each a form on its page: owner, confirm, start, resolve, retest, reopen, and the three
 * closing decisions, which ask for a confirmation first. Every step loads the finding for the person first (404
 * when it is not theirs), then lets the use case check the role and the finding its rule; a refusal comes back as
 * the page's notice.
 */
@Controller
@RequestMapping("/findings/{id}")
@PreAuthorize("hasAnyRole('ORGANISATION_ADMIN', 'MEMBER', 'VIEWER')")
class FindingStepController {

    private static final String CONFIRM_REQUIRED = "finding.rule.confirmRequired";

    private final FindingAccess access;
    private final Handling handling;

    FindingStepController(FindingAccess access, Handling handling) {
        this.access = access;
        this.handling = handling;
    }

    @PostMapping("/owner")
    String assign(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String owner,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return step(id, user, redirect, "finding.ownerAssigned", "#owner", () -> {
            UUID ownerId = Enums.uuid(owner);
            if (ownerId == null) {
                throw Refusal.invalid("finding.rule.ownerNotMember");
            }
            handling.assign(new FindingId(id), ownerId, user);
        });
    }

    @PostMapping("/confirm")
    String confirm(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return step(id, user, redirect, "finding.confirmed", "", () -> handling.confirm(new FindingId(id), user));
    }

    @PostMapping("/start")
    String start(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return step(id, user, redirect, "finding.workStarted", "", () -> handling.startWork(new FindingId(id), user));
    }

    @PostMapping("/resolve")
    String resolve(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return step(
                id,
                user,
                redirect,
                "finding.resolved",
                "",
                () -> handling.resolve(new FindingId(id), limit(note), user));
    }

    @PostMapping("/retest")
    String retest(
            @PathVariable UUID id,
            @Valid @ModelAttribute("retestForm") RetestForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        access.load(new FindingId(id), user);
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("org.springframework.validation.BindingResult.retestForm", binding);
            redirect.addFlashAttribute("retestForm", form);
            return "redirect:/findings/" + id + "#retest";
        }
        return step(id, user, redirect, "finding.retested", "#retests", () -> {
            LocalDate testedOn;
            try {
                testedOn = LocalDate.parse(form.testedOn());
            } catch (DateTimeParseException noSuchDate) {
                throw Refusal.invalid("finding.validation.date");
            }
            handling.retest(new FindingId(id), testedOn, form.tester(), form.result(), form.note(), user);
        });
    }

    @PostMapping("/reopen")
    String reopen(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return step(
                id,
                user,
                redirect,
                "finding.reopened",
                "",
                () -> handling.reopen(new FindingId(id), limit(reason), user));
    }

    @PostMapping("/duplicate")
    String duplicate(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String original,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return step(id, user, redirect, "finding.markedDuplicate", "#close", () -> {
            requireConfirmed(confirmed);
            UUID other = Enums.uuid(original);
            if (other == null) {
                throw Refusal.invalid("finding.rule.originalRequired");
            }
            handling.markDuplicate(new FindingId(id), new FindingId(other), user);
        });
    }

    @PostMapping("/false-positive")
    String falsePositive(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return step(id, user, redirect, "finding.markedFalsePositive", "#close", () -> {
            requireConfirmed(confirmed);
            handling.markFalsePositive(new FindingId(id), limit(reason), user);
        });
    }

    @PostMapping("/out-of-scope")
    String outOfScope(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        return step(id, user, redirect, "finding.markedOutOfScope", "#close", () -> {
            requireConfirmed(confirmed);
            handling.markOutOfScope(new FindingId(id), limit(reason), user);
        });
    }

    private String step(
            UUID id, CurrentUser user, RedirectAttributes redirect, String notice, String anchor, Runnable action) {
        access.load(new FindingId(id), user);
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (Refusal refused) {
            Refusals.flash(redirect, refused);
        }
        return "redirect:/findings/" + id + anchor;
    }

    private static void requireConfirmed(boolean confirmed) {
        if (!confirmed) {
            throw Refusal.invalid(CONFIRM_REQUIRED);
        }
    }

    /** Reasons and notes are kept to 2000 characters; a longer text is refused rather than cut. */
    private static String limit(String text) {
        if (text.length() > 2000) {
            throw Refusal.invalid("finding.rule.tooLong", 2000);
        }
        return text;
    }
}
