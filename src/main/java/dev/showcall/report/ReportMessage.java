package dev.showcall.report;

import dev.showcall.text.UserText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report as one Discord message: a short summary, and the report as files (Markdown, CSV and
 * the pictures), within Discord's limits: at most {@link #MAX_FILES} files of at most
 * {@link #MAX_BYTES} bytes together; pictures that would not fit are left out, the summary says so.
 */
public record ReportMessage(String content, List<ReportCharts.Picture> files) {

    public static final int MAX_FILES = 10;
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_CONTENT = 2000;

    public ReportMessage {
        files = List.copyOf(files);
    }

    /** The report a producer asked for. */
    public static ReportMessage of(ShowReport report) {
        return of(report, false);
    }

    /** The report showcall posts by itself when the show is over; its headline says so. */
    public static ReportMessage automatic(ShowReport report) {
        return of(report, true);
    }

    /**
     * The first line of the report's message: the automatic one's differs from the one a producer
     * asks for, so that it can be recognised in the channel.
     */
    public static String headline(String showName, boolean automatic) {
        return "📋 **After-show report · " + UserText.inline(showName) + "**" + (automatic ? " · automatic" : "");
    }

    private static ReportMessage of(ShowReport report, boolean automatic) {
        List<ReportCharts.Picture> files = new ArrayList<>();
        files.add(new ReportCharts.Picture(ReportFormat.MD.fileName(report.showId()),
                ReportFormat.MD.render(report).getBytes(StandardCharsets.UTF_8)));
        files.add(new ReportCharts.Picture(ReportFormat.CSV.fileName(report.showId()),
                ReportFormat.CSV.render(report).getBytes(StandardCharsets.UTF_8)));
        int left = 0;
        for (ReportCharts.Picture picture : ReportCharts.of(report)) {
            if (files.size() < MAX_FILES && size(files) + picture.png().length <= MAX_BYTES) {
                files.add(picture);
            } else {
                left++;
            }
        }
        String summary = headline(report.showName(), automatic) + "\n" + summary(report)
                + (left == 0 ? "" : "\n" + left + " pictures did not fit in one message: "
                + "`showcall report " + report.showId() + " --out DIR` draws them.");
        return new ReportMessage(UserText.cut(summary, MAX_CONTENT), files);
    }

    static long size(List<ReportCharts.Picture> files) {
        return files.stream().mapToLong(f -> f.png().length).sum();
    }

    /** A few lines: the start, the late, the no-shows, the looks that walked unready, the pings. */
    static String summary(ShowReport r) {
        StringBuilder s = new StringBuilder();
        ShowReport.Start start = r.start();
        s.append("Start planned ").append(ReportFormat.clock(start.planned(), r.zone()));
        start.actual().ifPresentOrElse(a -> s.append(", first look out ").append(ReportFormat.clock(a, r.zone()))
                        .append(" (").append(lateness(start.lateness().orElseThrow().toMinutes())).append(")"),
                () -> s.append(", no look walked"));
        if (!start.delays().isEmpty()) {
            s.append(", ").append(start.delays().size()).append(start.delays().size() == 1 ? " delay" : " delays");
        }
        s.append(".\n");
        List<ShowReport.Person> late = r.latePeople();
        s.append(late.size()).append(" late");
        if (!late.isEmpty()) {
            s.append(" (").append(String.join(", ", late.stream().limit(8)
                    .map(p -> UserText.inline(p.who()) + " " + p.late().orElseThrow().toMinutes() + " min").toList()))
                    .append(late.size() > 8 ? ", and " + (late.size() - 8) + " more" : "").append(")");
        }
        List<ShowReport.Person> noShows = r.people().stream().filter(ShowReport.Person::noShow).toList();
        s.append(" · ").append(noShows.size()).append(" no-show");
        noShows.stream().limit(5).forEach(p -> s.append(noShows.indexOf(p) == 0 ? " (" : ", ")
                .append(UserText.inline(p.who())).append(p.replacedBy().map(b -> " → " + UserText.inline(b)).orElse("")));
        if (!noShows.isEmpty()) {
            s.append(")");
        }
        s.append(".\n");
        List<ShowReport.LookLine> unready = r.walkedUnready();
        s.append("Looks walked unready: ").append(unready.isEmpty() ? "none"
                : String.join(", ", unready.stream().map(l -> String.valueOf(l.number())).toList())).append(".\n");
        ShowReport.Delivery d = r.delivery();
        s.append(String.format(Locale.ROOT, "Pings: %d sent, %d late, %d failed, %d to the calls channel.",
                d.pings(), d.sentLate().size(), d.failed(), d.toChannel()));
        ShowReport.Reached by = d.reached();
        s.append(String.format(Locale.ROOT, "\nCalls by DM %d, email %d, calls channel %d, by name %d, role %d, "
                + "nobody %d.", by.dm(), by.email(), by.callsChannel(), by.byName(), by.role(), by.nobody()));
        return s.toString();
    }

    private static String lateness(long minutes) {
        return minutes == 0 ? "on time" : Math.abs(minutes) + " min " + (minutes > 0 ? "late" : "early");
    }
}
