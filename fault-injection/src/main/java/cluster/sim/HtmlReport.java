package cluster.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A report a person can read: one self-contained HTML page (inline SVG and CSS, no script) with the run's options,
 * the command that replays it, the violation, and a timeline: a lane per node (executors on their worker's lane),
 * messages as arrows (lost ones dashed, ending in a cross), faults as shaded intervals on the lanes they hit
 * (network-wide ones as a band on top), leader terms as bars labelled with their epoch, process deaths and
 * executor launches as marks, the moment faults healed, and the violation as a red line. Used by the simulator and
 * by the process harness; a timeline of more than {@value #GROUP_ABOVE} messages is thinned (see {@link #thin}).
 */
public final class HtmlReport {
    private static final int LEFT = 150;
    private static final int TOP = 70;
    private static final int LANE = 44;
    /** Short runs are stretched to at least this width; long ones get at least this many pixels per second. */
    private static final double MIN_WIDTH_PX = 1_400;
    private static final double MIN_PX_PER_SECOND = 40;
    /** Beyond this many messages, messages of one type on one link sent within one {@value #GROUP_MS} ms are one arrow. */
    static final int GROUP_ABOVE = 1_500;
    static final long GROUP_MS = 1_000;
    /** Messages drawn faint: heartbeats, and the masters' lin-kv operations (the process harness's lease). */
    private static final java.util.Set<String> BACKGROUND = java.util.Set.of("Heartbeat", "read", "read_ok", "cas",
            "cas_ok", "write", "write_ok", "error");

    /** The horizontal scale of this report. */
    private final double pxPerSecond;

    private HtmlReport(double pxPerSecond) {
        this.pxPerSecond = pxPerSecond;
    }

    /** The report of one simulated run. */
    public static String render(RunResult result, Timeline t, String title) {
        SimOptions o = result.options();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("seed", Long.toString(o.seed()));
        facts.put("cluster", o.masters() + " masters, " + o.workers() + " workers");
        facts.put("nemesis", (o.nemeses().isEmpty() ? "none" : o.nemesisList())
                + (o.lossyPartitions() ? " (partitions lose messages)" : ""));
        facts.put("variant", o.variant().cliName + " (" + o.variant().description + ")");
        facts.put("steps", result.steps() + " (" + result.faultySteps() + " with faults), " + result.simulatedMs()
                + " simulated ms");
        facts.put("faults", result.faults().isEmpty() ? "none" : result.faults().toString());
        facts.put("replay", o.replayCommand());
        return render(title, facts, result.violation(), t);
    }

    /** The report of any run: its title, facts (name, value) in order, its violation (null if none), its timeline. */
    public static String render(String title, Map<String, String> facts, Violation violation, Timeline t) {
        long end = Math.max(1, t.endMs);
        HtmlReport report = new HtmlReport(Math.max(MIN_PX_PER_SECOND, MIN_WIDTH_PX / (end / 1000.0)));
        return page(title, facts, violation, t, report.draw(t, end));
    }

    private String draw(Timeline t, long end) {
        List<String> lanes = new ArrayList<>(t.lanes.keySet());
        int width = LEFT + (int) Math.ceil(end / 1000.0 * pxPerSecond) + 260; // room for the violation's label
        int height = TOP + lanes.size() * LANE + 40;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns='http://www.w3.org/2000/svg' width='").append(width).append("' height='").append(height)
                .append("'>\n<defs><marker id='arrow' viewBox='0 0 10 10' refX='10' refY='5' markerWidth='6' "
                        + "markerHeight='6' orient='auto-start-reverse'><path d='M0,0 L10,5 L0,10 z' fill='#456'/>"
                        + "</marker></defs>\n");
        axis(svg, end, lanes.size());
        for (int i = 0; i < lanes.size(); i++) {
            int y = laneY(i);
            svg.append("<line class='lane' x1='").append(LEFT).append("' y1='").append(y).append("' x2='")
                    .append(width - 20).append("' y2='").append(y).append("'/>")
                    .append("<text class='lanename' x='8' y='").append(y + 4).append("'>").append(esc(lanes.get(i)))
                    .append("</text>\n");
        }
        faults(svg, t, lanes, width);
        terms(svg, t, lanes);
        messages(svg, t, lanes);
        marks(svg, t, lanes);
        if (t.healedAtMs >= 0) {
            int x = x(t.healedAtMs);
            svg.append("<line class='healed' x1='").append(x).append("' y1='").append(TOP - 30).append("' x2='")
                    .append(x).append("' y2='").append(height - 20).append("'/><text class='note' x='").append(x + 4)
                    .append("' y='30'>faults healed</text>\n");
        }
        if (t.violation != null) {
            int x = x(t.violation.timeMs());
            svg.append("<line class='violation' x1='").append(x).append("' y1='4' x2='")
                    .append(x).append("' y2='").append(height - 20).append("'><title>").append(esc(t.violation.toString()))
                    .append("</title></line><text class='violationtext' x='").append(x + 4).append("' y='14'>")
                    .append(esc(t.violation.property())).append("</text>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void axis(StringBuilder svg, long end, int laneCount) {
        int bottom = TOP + laneCount * LANE;
        long stepMs = end > 120_000 ? 10_000 : end > 20_000 ? 5_000 : end > 5_000 ? 1_000 : 250;
        for (long ms = 0; ms <= end; ms += stepMs) {
            int x = x(ms);
            svg.append("<line class='tick' x1='").append(x).append("' y1='").append(TOP - 20).append("' x2='").append(x)
                    .append("' y2='").append(bottom).append("'/><text class='ticktext' x='").append(x + 2)
                    .append("' y='").append(bottom + 14).append("'>")
                    .append(ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms").append("</text>\n");
        }
    }

    private void faults(StringBuilder svg, Timeline t, List<String> lanes, int width) {
        for (Timeline.Fault f : t.faults) {
            int x1 = x(f.startMs());
            int w = Math.max(3, x(f.endMs()) - x1);
            String css = "fault " + cssKind(f.kind());
            String tip = "<title>" + esc(f.description() + " from " + f.startMs() + " to " + f.endMs() + " ms")
                    + "</title>";
            if (f.nodes().isEmpty()) {
                svg.append("<rect class='").append(css).append("' x='").append(x1).append("' y='").append(TOP - 28)
                        .append("' width='").append(w).append("' height='8'>").append(tip).append("</rect>\n");
                continue;
            }
            for (String node : f.nodes()) {
                int lane = lanes.indexOf(node);
                if (lane >= 0) {
                    svg.append("<rect class='").append(css).append("' x='").append(x1).append("' y='")
                            .append(laneY(lane) - LANE / 2 + 3).append("' width='").append(w).append("' height='")
                            .append(LANE - 6).append("'>").append(tip).append("</rect>\n");
                }
            }
        }
    }

    private void terms(StringBuilder svg, Timeline t, List<String> lanes) {
        for (Timeline.Term term : t.terms) {
            int lane = lanes.indexOf(term.master());
            if (lane < 0) {
                continue;
            }
            int x1 = x(term.startMs());
            int w = Math.max(2, x(term.endMs()) - x1);
            int y = laneY(lane) - 14;
            svg.append("<rect class='term' x='").append(x1).append("' y='").append(y).append("' width='").append(w)
                    .append("' height='5'><title>leader, epoch ").append(term.epoch()).append(", ")
                    .append(term.startMs()).append("-").append(term.endMs())
                    .append(" ms</title></rect><text class='termtext' x='")
                    .append(x1 + 2).append("' y='").append(y - 2).append("'>epoch ").append(term.epoch())
                    .append("</text>\n");
        }
    }

    /** A message drawn as an arrow, standing for {@code count} messages. */
    private record Arrow(Timeline.Message first, int count) {
    }

    /**
     * The arrows to draw: one per message up to {@value #GROUP_ABOVE} messages; beyond, the messages of one type on
     * one link (lanes), delivered or lost alike, sent within the same {@value #GROUP_MS} ms, are one arrow (the
     * first of them) labelled with their count.
     */
    static List<Arrow> thin(Timeline t) {
        List<Arrow> arrows = new ArrayList<>();
        if (t.messages.size() <= GROUP_ABOVE) {
            t.messages.forEach(m -> arrows.add(new Arrow(m, 1)));
            return arrows;
        }
        Map<String, int[]> index = new LinkedHashMap<>();
        for (Timeline.Message m : t.messages) {
            String key = t.laneOf(m.from()) + ">" + t.laneOf(m.to()) + ">" + m.type() + ">" + m.delivered() + ">"
                    + m.sentMs() / GROUP_MS;
            int[] at = index.get(key);
            if (at == null) {
                index.put(key, new int[] {arrows.size()});
                arrows.add(new Arrow(m, 1));
            } else {
                Arrow a = arrows.get(at[0]);
                arrows.set(at[0], new Arrow(a.first(), a.count() + 1));
            }
        }
        return arrows;
    }

    private void messages(StringBuilder svg, Timeline t, List<String> lanes) {
        for (Arrow arrow : thin(t)) {
            Timeline.Message m = arrow.first();
            String times = arrow.count() > 1 ? " (first of " + arrow.count() + " within " + GROUP_MS + " ms)" : "";
            int from = lanes.indexOf(t.laneOf(m.from()));
            int to = lanes.indexOf(t.laneOf(m.to()));
            if (from < 0 || to < 0) {
                continue;
            }
            int x1 = x(m.sentMs());
            int x2 = Math.max(x1 + 1, x(m.atMs()));
            String css = m.delivered() ? (BACKGROUND.contains(m.type()) ? "msg beat" : "msg") : "msg lost";
            svg.append("<line class='").append(css).append("' x1='").append(x1).append("' y1='").append(laneY(from))
                    .append("' x2='").append(x2).append("' y2='").append(laneY(to)).append("'")
                    .append(m.delivered() ? " marker-end='url(#arrow)'" : "").append("><title>")
                    .append(esc(m.type() + " " + m.from() + " -> " + m.to() + ", sent " + m.sentMs() + " ms, "
                            + (m.delivered() ? "delivered " : "lost ") + m.atMs() + " ms" + times))
                    .append("</title></line>\n");
            if (arrow.count() > 1 && !BACKGROUND.contains(m.type())) { // the faint traffic's counts are in titles
                svg.append("<text class='count' x='").append(x2 + 1).append("' y='")
                        .append((laneY(from) + laneY(to)) / 2).append("'>\u00d7").append(arrow.count())
                        .append("</text>");
            }
            if (!m.delivered()) {
                svg.append("<text class='lostmark' x='").append(x2 - 3).append("' y='").append(laneY(to) + 4)
                        .append("'>x</text>");
            }
        }
    }

    private void marks(StringBuilder svg, Timeline t, List<String> lanes) {
        for (Timeline.Mark mark : t.marks) {
            int lane = lanes.indexOf(mark.lane());
            if (lane < 0) {
                continue;
            }
            int x = x(mark.atMs());
            int y = laneY(lane);
            String tip = "<title>" + esc(mark.label() + " at " + mark.atMs() + " ms") + "</title>";
            switch (mark.kind()) {
                case "launch" -> svg.append("<circle class='launch' cx='").append(x).append("' cy='").append(y + 10)
                        .append("' r='4'>").append(tip).append("</circle>\n");
                case "exit" -> svg.append("<rect class='exit' x='").append(x - 3).append("' y='").append(y + 7)
                        .append("' width='6' height='6'>").append(tip).append("</rect>\n");
                default -> svg.append("<text class='process ").append(cssKind(mark.label())).append("' x='").append(x)
                        .append("' y='").append(y + 18).append("'>").append(esc(mark.label())).append(tip)
                        .append("</text>\n");
            }
        }
    }

    private static String page(String title, Map<String, String> facts, Violation v, Timeline t, String svg) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>").append(esc(title))
                .append("</title>\n<style>").append(CSS).append("</style></head><body>\n<h1>").append(esc(title))
                .append("</h1>\n<table class='facts'>");
        facts.forEach((name, value) -> html.append(row(name, value)));
        html.append(row("messages", messageCounts(t)));
        html.append("</table>\n");
        if (v == null) {
            html.append("<p class='ok'>No property was violated.</p>\n");
        } else {
            html.append("<p class='bad'><b>").append(esc(v.property())).append("</b> violated (")
                    .append(v.kind().name().toLowerCase(Locale.ROOT)).append(")")
                    .append(v.step() > 0 ? " at step " + v.step() + "," : " at").append(" t = ").append(v.timeMs())
                    .append(" ms: ").append(esc(v.detail())).append("</p>\n");
        }
        html.append(LEGEND);
        if (t.messagesLeftOut > 0) {
            html.append("<p class='note'>").append(t.messagesLeftOut).append(" earlier messages are not drawn.</p>");
        }
        if (t.messages.size() > GROUP_ABOVE) {
            html.append("<p class='note'>").append(t.messages.size()).append(" messages drawn as ")
                    .append(thin(t).size()).append(" arrows: messages of one type on one link sent within the same ")
                    .append(GROUP_MS / 1000).append(" s are one arrow (the first), labelled \u00d7count (heartbeats and "
                            + "lin-kv operations: the count is in the arrow's title).</p>");
        }
        html.append("<div class='timeline'>\n").append(svg).append("</div>\n</body></html>\n");
        return html.toString();
    }

    /** How many messages of each type the timeline holds, most frequent first. */
    private static String messageCounts(Timeline t) {
        Map<String, Integer> byType = new TreeMap<>();
        int lost = 0;
        for (Timeline.Message m : t.messages) {
            byType.merge(m.type(), 1, Integer::sum);
            lost += m.delivered() ? 0 : 1;
        }
        StringBuilder b = new StringBuilder().append(t.messages.size()).append(" drawn (").append(lost)
                .append(" lost)");
        byType.entrySet().stream().sorted((a, c) -> c.getValue() - a.getValue())
                .forEach(e -> b.append(", ").append(e.getKey()).append(' ').append(e.getValue()));
        return b.toString();
    }

    private static String row(String name, String value) {
        return "<tr><th>" + esc(name) + "</th><td>" + esc(value) + "</td></tr>";
    }

    private static int laneY(int index) {
        return TOP + index * LANE + LANE / 2;
    }

    private int x(long ms) {
        return LEFT + (int) Math.round(ms / 1000.0 * pxPerSecond);
    }



    /** The kind as CSS classes: the simulator's "kill-master" is also a "kill", as the process harness names it. */
    static String cssKind(String kind) {
        String css = kind.replaceAll("[^a-z-]", "");
        int dash = css.indexOf('-');
        return dash > 0 ? css.substring(0, dash) + " " + css : css;
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\'' -> b.append("&#39;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String LEGEND = "<p class='legend'>"
            + "<span class='k term'></span> leader term (epoch) "
            + "<span class='k launch'></span> executor launched "
            + "<span class='k exit'></span> executor ended "
            + "<span class='k arrowk'></span> message (hover for type; \u00d7N: N of one type on one link) "
            + "<span class='k lostk'></span> message lost "
            + "<span class='k partition'></span> partition "
            + "<span class='k kill'></span> killed "
            + "<span class='k pause'></span> paused "
            + "<span class='k netk'></span> delay / drop / duplicate (band on top) "
            + "<span class='k violk'></span> violation</p>\n";

    private static final String CSS = String.join("\n",
            "body{font-family:sans-serif;margin:16px;color:#222}",
            "h1{font-size:20px} table.facts th{text-align:left;padding-right:12px;vertical-align:top}",
            "table.facts td{font-family:monospace}",
            ".ok{color:#185;font-weight:bold} .bad{color:#b00;background:#fee;padding:8px;border:1px solid #b00}",
            ".timeline{overflow-x:auto;border:1px solid #ccc}",
            ".lane{stroke:#ddd} .lanename{font-size:12px;font-family:monospace}",
            ".tick{stroke:#f2f2f2} .ticktext{font-size:10px;fill:#888}",
            ".msg{stroke:#456;stroke-width:0.8;opacity:0.7} .msg.beat{stroke:#bbb;opacity:0.4}",
            ".msg.lost{stroke:#c33;stroke-dasharray:3,2} .lostmark{fill:#c33;font-size:10px}",
            ".count{font-size:8px;fill:#456}",
            ".fault{opacity:0.25} .fault.kill{fill:#000} .fault.pause{fill:#f90}",
            ".fault.partition-halves,.fault.partition-leader,.fault.partition-bridge,.fault.partition-one-way{fill:#36c}",
            ".fault.delay{fill:#a6f;opacity:0.5} .fault.drop{fill:#c33;opacity:0.5} .fault.duplicate{fill:#3a3;opacity:0.5}",
            ".fault.session-loss{fill:#c0c;opacity:0.6}",
            ".term{fill:#185} .termtext{font-size:10px;fill:#185}",
            ".launch{fill:#2a2} .exit{fill:#777}",
            ".process{font-size:10px;fill:#555} .process.killed,.process.crashed{fill:#b00;font-weight:bold}",
            ".healed{stroke:#185;stroke-dasharray:6,4} .note{font-size:11px;fill:#185}",
            ".violation{stroke:#d00;stroke-width:3} .violationtext{fill:#d00;font-weight:bold;font-size:13px}",
            ".legend .k{display:inline-block;width:14px;height:10px;margin:0 4px 0 12px;vertical-align:middle}",
            ".k.term{background:#185} .k.launch{background:#2a2;border-radius:7px} .k.exit{background:#777}",
            ".k.arrowk{background:#456;height:2px} .k.lostk{border-top:2px dashed #c33;height:0}",
            ".k.partition{background:#36c;opacity:0.4} .k.kill{background:#000;opacity:0.4}",
            ".k.pause{background:#f90;opacity:0.4} .k.netk{background:#a6f;opacity:0.5} .k.violk{background:#d00}");
}
