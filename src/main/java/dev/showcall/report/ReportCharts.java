package dev.showcall.report;

import dev.showcall.show.Call;
import dev.showcall.show.CallSheet;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.gantt.Task;
import org.jfree.data.gantt.TaskSeries;
import org.jfree.data.gantt.TaskSeriesCollection;

/**
 * The report's pictures and the planned call sheet's, as PNG: {@link #WIDTH} pixels wide, which is
 * what Discord shows a picture at without opening it, and as tall as their rows need. Drawn
 * without a display ({@code java.awt.headless}).
 */
public final class ReportCharts {

    /** Discord's preview width, about. */
    public static final int WIDTH = 800;
    static final int ROW = 16;
    static final int MARGIN = 140;
    static final int MIN_HEIGHT = 300;

    private static final Color LATE = new Color(0xC0392B);
    private static final Color EARLY = new Color(0x27AE60);
    private static final Color WAITING = new Color(0x2980B9);
    private static final Font LABELS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ReportCharts() {
    }

    /** A picture: its file name and its PNG bytes. */
    public record Picture(String fileName, byte[] png) {
    }

    /** The report's pictures: the people's day, the looks' day and lateness by department and by agency. */
    public static List<Picture> of(ShowReport report) {
        return List.of(
                new Picture(report.showId() + "-people.png", people(report)),
                new Picture(report.showId() + "-looks.png", looks(report)),
                new Picture(report.showId() + "-lateness-departments.png",
                        lateness("Minutes late by department", "department", report.byDepartment())),
                new Picture(report.showId() + "-lateness-agencies.png",
                        lateness("Minutes late by agency", "agency", report.byAgency())));
    }

    /** Each person's call and arrival, by department: late in red, early in green. */
    static byte[] people(ShowReport report) {
        TaskSeries late = new TaskSeries("call → arrival (late)");
        TaskSeries early = new TaskSeries("arrival → call (early)");
        TaskSeries missing = new TaskSeries("called, not arrived");
        int rows = 0;
        for (ShowReport.Person p : report.people()) {
            String row = p.department() + " · " + p.who();
            if (p.arrivedAt().isPresent()) {
                Instant arrived = p.arrivedAt().get();
                if (arrived.isAfter(p.call())) {
                    late.add(task(row, p.call(), arrived));
                } else {
                    early.add(task(row, arrived, p.call()));
                }
            } else {
                missing.add(task(row, p.call(), p.call().plusSeconds(300)));
            }
            rows++;
        }
        return gantt("People · " + report.showName(), report.zone(), rows,
                series(late, early, missing), new Color[] {LATE, EARLY, Color.GRAY});
    }

    /** Each look from ready to walked; a look that walked unready is a red mark at its walk. */
    static byte[] looks(ShowReport report) {
        TaskSeries ready = new TaskSeries("ready → walked");
        TaskSeries unready = new TaskSeries("walked unready");
        int rows = 0;
        for (ShowReport.LookLine l : report.looks()) {
            if (l.walkedAt().isEmpty()) {
                continue;
            }
            String row = "Look " + l.number() + " · " + l.wornBy();
            Instant walked = l.walkedAt().get();
            if (l.walkedUnready() || l.readyAt().isEmpty()) {
                unready.add(task(row, walked.minusSeconds(60), walked));
            } else {
                ready.add(task(row, l.readyAt().get(), walked));
            }
            rows++;
        }
        return gantt("Looks · " + report.showName(), report.zone(), rows, series(ready, unready),
                new Color[] {WAITING, LATE});
    }

    static byte[] lateness(String title, String what, List<ShowReport.Lateness> groups) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        groups.forEach(g -> data.addValue(g.lateMinutes(), "minutes late", g.group() + " (" + g.late() + " late)"));
        JFreeChart chart = ChartFactory.createBarChart(title, what, "minutes late", data, PlotOrientation.HORIZONTAL,
                false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setSeriesPaint(0, LATE);
        plot.getDomainAxis().setTickLabelFont(LABELS);
        plot.setBackgroundPaint(Color.WHITE);
        return png(chart, height(groups.size() * 2));
    }

    /** The planned call sheet: each call, from the call to the show's start, by department. */
    public static byte[] plan(CallSheet sheet) {
        TaskSeries crew = new TaskSeries("crew: call → start");
        TaskSeries models = new TaskSeries("models: call → start");
        Instant start = sheet.show().startInstant();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Call call : sheet.calls()) {
            String row = call.departmentName() + " · " + call.who();
            if (seen.put(row, true) != null) {
                continue;
            }
            Instant end = call.at().isBefore(start) ? start : call.at().plusSeconds(300);
            (call.kind() == Call.Kind.MODEL ? models : crew).add(task(row, call.at(), end));
        }
        return gantt("Call sheet · " + sheet.show().name(), sheet.show().zone(), seen.size(), series(crew, models),
                new Color[] {WAITING, new Color(0x8E44AD)});
    }

    private static TaskSeriesCollection series(TaskSeries... all) {
        TaskSeriesCollection collection = new TaskSeriesCollection();
        for (TaskSeries s : all) {
            if (!s.getTasks().isEmpty()) {
                collection.add(s);
            }
        }
        return collection;
    }

    private static Task task(String row, Instant from, Instant to) {
        return new Task(row, Date.from(from), Date.from(to.isAfter(from) ? to : from.plusSeconds(30)));
    }

    private static byte[] gantt(String title, ZoneId zone, int rows, TaskSeriesCollection data, Color[] colours) {
        JFreeChart chart = ChartFactory.createGanttChart(title, null, null, data, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        CategoryAxis rowsAxis = plot.getDomainAxis();
        rowsAxis.setTickLabelFont(LABELS);
        rowsAxis.setMaximumCategoryLabelWidthRatio(0.45f);
        DateAxis time = (DateAxis) plot.getRangeAxis();
        TimeZone tz = TimeZone.getTimeZone(zone);
        time.setTimeZone(tz);
        SimpleDateFormat clock = new SimpleDateFormat("HH:mm");
        clock.setTimeZone(tz);
        time.setDateFormatOverride(clock);
        time.setLabel("time (" + zone.getId() + ")");
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, colourFor((String) data.getSeriesKey(i), colours));
        }
        return png(chart, height(rows));
    }

    /** Colours go with the series' names, so a series left out (empty) does not shift the others' colours. */
    private static Color colourFor(String key, Color[] colours) {
        if (key.contains("late") || key.contains("unready")) {
            return LATE;
        }
        if (key.contains("early")) {
            return EARLY;
        }
        if (key.contains("not arrived")) {
            return Color.GRAY;
        }
        return key.startsWith("models") ? colours[colours.length - 1] : colours[0];
    }

    static int height(int rows) {
        return Math.max(MIN_HEIGHT, MARGIN + rows * ROW);
    }

    private static byte[] png(JFreeChart chart, int height) {
        chart.setBackgroundPaint(Color.WHITE);
        BufferedImage image = chart.createBufferedImage(WIDTH, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeBufferedImageAsPNG(out, image);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a PNG into memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
