package be.bolwerk.assessment.web;

import be.bolwerk.assessment.evaluation.Answer;
import be.bolwerk.assessment.evaluation.SelfEvaluation;
import be.bolwerk.framework.FrameworkNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What an area's page shows around the answers, decided in Java so the template only reads records (ADR
 * 0016): the controls grouped under their topic headings (the area's sub-groups; controls directly under the
 * area form an untitled group), the table of contents, the "only unanswered" filter and the areas before and
 * after this one that the person may open.
 *
 * @param topics the groups shown, each with the controls the filter lets through; a group left empty is left out
 * @param onlyUnanswered whether the filter is on
 * @param total the controls of the area
 * @param unanswered the controls without a complete answer
 * @param toConfirm the carried-over answers nobody confirmed or changed yet
 * @param previous the area before, or {@code null}
 * @param next the area after, or {@code null}
 */
public record AreaPage(
        List<Topic> topics,
        boolean onlyUnanswered,
        int total,
        int unanswered,
        int toConfirm,
        Neighbour previous,
        Neighbour next) {

    /** A topic heading ({@code title} null for the controls directly under the area) and its controls. */
    public record Topic(String ref, String title, String domId, List<Entry> entries) {}

    /** One control with its state for the table of contents: open, answered or to confirm. */
    public record Entry(FrameworkNode control, String state) {

        public String domId() {
            return control.domId();
        }
    }

    /** An area to go on to. */
    public record Neighbour(String ref, String title) {}

    static AreaPage of(SelfEvaluation view, FrameworkNode area, boolean onlyUnanswered) {
        List<Topic> topics = new ArrayList<>();
        List<FrameworkNode> loose = new ArrayList<>();
        int[] counts = new int[3];
        for (FrameworkNode child : area.children()) {
            if (child.isControl()) {
                loose.addAll(child.controls());
                continue;
            }
            addTopic(topics, view, null, area, loose, onlyUnanswered, counts);
            loose.clear();
            addTopic(topics, view, child, area, child.controls(), onlyUnanswered, counts);
        }
        addTopic(topics, view, null, area, loose, onlyUnanswered, counts);
        List<FrameworkNode> open = view.framework().areas().stream()
                .filter(a -> view.access().mayOpen(a.ref()))
                .toList();
        int at = open.indexOf(area);
        return new AreaPage(
                List.copyOf(topics),
                onlyUnanswered,
                counts[0],
                counts[1],
                counts[2],
                at > 0 ? neighbour(open.get(at - 1)) : null,
                at >= 0 && at < open.size() - 1 ? neighbour(open.get(at + 1)) : null);
    }

    private static void addTopic(
            List<Topic> topics,
            SelfEvaluation view,
            FrameworkNode group,
            FrameworkNode area,
            List<FrameworkNode> controls,
            boolean onlyUnanswered,
            int[] counts) {
        List<Entry> entries = new ArrayList<>();
        for (FrameworkNode control : controls) {
            Answer answer = view.answers().get(control.ref());
            boolean complete = answer != null && answer.complete();
            boolean toConfirm = answer != null && answer.carriedOver();
            counts[0]++;
            counts[1] += complete ? 0 : 1;
            counts[2] += toConfirm ? 1 : 0;
            if (!onlyUnanswered || !complete) {
                entries.add(new Entry(control, toConfirm ? "toConfirm" : complete ? "answered" : "open"));
            }
        }
        if (!entries.isEmpty()) {
            String ref = group == null ? area.ref() + "-" + topics.size() : group.ref();
            String domId = group == null ? area.domId() + "-" + topics.size() : group.domId();
            topics.add(new Topic(ref, group == null ? null : group.title(), domId, List.copyOf(entries)));
        }
    }

    private static Neighbour neighbour(FrameworkNode area) {
        return new Neighbour(area.ref(), area.title());
    }
}
