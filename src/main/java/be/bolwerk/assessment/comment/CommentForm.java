package be.bolwerk.assessment.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new comment: plain text, shown escaped; a colleague is mentioned as {@code @Name}. */
record CommentForm(
        @NotBlank(message = "{comment.required}") @Size(max = CommentForm.MAX, message = "{comment.tooLong}")
        String body) {

    static final int MAX = 2000;

    static CommentForm empty() {
        return new CommentForm("");
    }
}
