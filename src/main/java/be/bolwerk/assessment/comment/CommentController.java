package be.bolwerk.assessment.comment;

import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.DateFormats;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The comment thread of one control: reading it and adding to it. The area page links here per control. */
@Controller
@RequestMapping("/assessments/{id}/controls/{ref}/comments")
class CommentController {

    /** A comment as the page shows it, its time formatted here. */
    public record CommentView(String author, String body, String at) {}

    private static final String PAGE = "assessment/comments";

    private final Comments comments;
    private final DateFormats dates;

    CommentController(Comments comments, DateFormats dates) {
        this.comments = comments;
        this.dates = dates;
    }

    @GetMapping
    String show(
            @PathVariable UUID id, @PathVariable String ref, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("commentForm", CommentForm.empty());
        return page(id, ref, user, model);
    }

    @PostMapping
    String post(
            @PathVariable UUID id,
            @PathVariable String ref,
            @Valid @ModelAttribute("commentForm") CommentForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return page(id, ref, user, model);
        }
        List<String> mentioned = comments.post(id, ref, form.body(), user);
        redirect.addFlashAttribute("notice", mentioned.isEmpty() ? "comment.added" : "comment.addedAndMailed");
        redirect.addFlashAttribute("mentioned", String.join(", ", mentioned));
        return "redirect:/assessments/" + id + "/controls/" + ref + "/comments#comment-form";
    }

    private String page(UUID id, String ref, CurrentUser user, Model model) {
        Comments.Thread thread = comments.thread(id, ref, user);
        model.addAttribute("thread", thread);
        model.addAttribute(
                "comments",
                thread.comments().stream()
                        .map(c -> new CommentView(c.author(), c.body(), dates.dateTime(c.createdAt())))
                        .toList());
        return PAGE;
    }
}
