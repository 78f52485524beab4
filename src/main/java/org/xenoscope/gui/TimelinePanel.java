package org.xenoscope.gui;

import java.awt.Color;
import java.awt.Font;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.xenoscope.debug.Session;
import org.xenoscope.debug.Snapshot;
import org.xenoscope.debug.TraceBuffer;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * Hypervisor entries over virtual time, from the session's trace buffer: a scatter plot with x = time (cycles),
 * y = the kind of entry (hypercall, exception, emulated instruction, event, upcall, shutdown/crash,
 * page-table validation, other) and one series
 * per domain (colour and shape both differ, so colour is never the only cue). Refreshing is cheap: each update
 * appends only the events after the last sequence number seen ({@link TraceBuffer#since}); a new session or a new
 * generation (reverse execution rebuilt the system) starts the plot afresh. The line under the chart is its text
 * equivalent for screen readers (counts per kind and the latest entry).
 */
public final class TimelinePanel implements View {
    /** The y axis, bottom to top. */
    static final String[] KINDS = {"hypercall", "exception", "emulate", "event", "upcall", "shutdown/crash",
        "validation", "other"};
    /** At most this many new events are plotted per refresh (the rest are skipped: a runaway guest). */
    static final int MAX_PER_REFRESH = 2_000;
    /** Points kept per domain; older ones scroll out (drawing is what costs: keep the chart cheap to repaint). */
    static final int MAX_POINTS = 4_000;
    /** While a guest runs, the chart is redrawn at most this often (a step or a stop always redraws). */
    static final long RUNNING_REDRAW_NANOS = 250_000_000L;

    private final SessionController controller;
    private long lastDraw;
    private final JPanel panel = new JPanel(new MigLayout("fill, insets 4", "[grow]", "[grow][]"));
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final Map<Integer, XYSeries> series = new LinkedHashMap<>();
    /** The points shown per domain (time, kind), newest last, at most MAX_POINTS. */
    private final Map<Integer, java.util.ArrayDeque<double[]>> points = new LinkedHashMap<>();
    private final int[] counts = new int[KINDS.length];
    private final JFreeChart chart;
    private final ChartPanel chartPanel;
    private final JLabel text = new JLabel(" ");
    private TraceBuffer buffer;
    private int generation = -1;
    private long lastSeq = -1;
    private String last = "";
    private Theme styled;
    private int styledScale;

    public TimelinePanel(SessionController controller) {
        this.controller = controller;
        chart = ChartFactory.createScatterPlot(null, "virtual time (cycles)", null, data, PlotOrientation.VERTICAL,
            true, true, false);
        XYPlot plot = chart.getXYPlot();
        SymbolAxis y = new SymbolAxis(null, KINDS);
        y.setGridBandsVisible(false);
        plot.setRangeAxis(y);
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        chartPanel = new ChartPanel(chart, false, true, false, true, true);
        chartPanel.setName("timelineChart");
        chartPanel.setMinimumDrawWidth(10);
        chartPanel.setMinimumDrawHeight(10);
        chartPanel.getAccessibleContext().setAccessibleName("Timeline chart");
        text.setName("timelineText");
        panel.add(chartPanel, "grow, wrap");
        panel.add(text, "growx");
        panel.getAccessibleContext().setAccessibleName(title());
    }

    @Override
    public String title() {
        return "Timeline";
    }

    @Override
    public JComponent component() {
        return panel;
    }

    @Override
    public void update(Snapshot s, Snapshot previous) {
        Session session = controller.session();
        if (session == null) {
            return;
        }
        if (styled != Theme.current() || styledScale != UiScale.percent()) {
            style();
        }
        TraceBuffer b = session.trace();
        boolean fresh0 = b != buffer || s.generation() != generation || b.generation() != generation;
        if (!fresh0 && s.running() && System.nanoTime() - lastDraw < RUNNING_REDRAW_NANOS) {
            return; // the next refresh catches up: trace events wait in the buffer
        }
        lastDraw = System.nanoTime();
        if (fresh0) {
            reset(b, s.generation());
        }
        List<TraceEvent> fresh = b.since(lastSeq);
        if (fresh.isEmpty()) {
            return;
        }
        lastSeq = fresh.get(fresh.size() - 1).seq();
        for (TraceEvent e : fresh) {
            counts[kind(e.type())]++;
        }
        List<TraceEvent> shown = fresh.size() > MAX_PER_REFRESH
            ? fresh.subList(fresh.size() - MAX_PER_REFRESH, fresh.size()) : fresh;
        for (TraceEvent e : shown) {
            java.util.ArrayDeque<double[]> q = points.computeIfAbsent(e.domain(), d -> new java.util.ArrayDeque<>());
            if (q.size() == MAX_POINTS) {
                q.removeFirst();
            }
            q.addLast(new double[] {e.time(), kind(e.type())});
        }
        for (Map.Entry<Integer, java.util.ArrayDeque<double[]>> e : points.entrySet()) {
            XYSeries x = seriesOf(e.getKey()); // refill in one go: one change event, no per-point removal
            x.setNotify(false);
            x.clear();
            for (double[] p : e.getValue()) {
                x.add(p[0], p[1], false);
            }
            x.setNotify(true);
        }
        TraceEvent l = fresh.get(fresh.size() - 1);
        last = "Dom" + l.domain() + " at " + l.time() + ": " + l.summary();
        describe();
    }

    private void reset(TraceBuffer b, int gen) {
        buffer = b;
        generation = gen;
        lastSeq = -1;
        last = "";
        series.clear();
        points.clear();
        data.removeAllSeries();
        java.util.Arrays.fill(counts, 0);
        describe();
    }

    private XYSeries seriesOf(int domain) {
        return series.computeIfAbsent(domain, d -> {
            XYSeries x = new XYSeries("Dom" + d, false, true);
            data.addSeries(x);
            chart.getXYPlot().getRenderer().setSeriesPaint(data.getSeriesCount() - 1,
                Theme.SERIES[(data.getSeriesCount() - 1) % Theme.SERIES.length]);
            return x;
        });
    }

    /** The row of the y axis for a trace type. */
    static int kind(String type) {
        return switch (type) {
            case "hypercall" -> 0;
            case "exception" -> 1;
            case "emulate" -> 2;
            case "event" -> 3;
            case "upcall" -> 4;
            case "shutdown", "crash" -> 5;
            case "validation", "refused" -> 6; // page-table validation (accepted or refused)
            default -> 7;
        };
    }

    /** The text equivalent: counts per kind and the latest entry. */
    String description() {
        StringBuilder b = new StringBuilder("Timeline: ");
        for (int i = 0; i < KINDS.length; i++) {
            b.append(i == 0 ? "" : ", ").append(counts[i]).append(' ').append(KINDS[i]);
        }
        if (!last.isEmpty()) {
            b.append("; latest: ").append(last);
        }
        return b.toString();
    }

    private void describe() {
        String d = description();
        text.setText(d);
        chartPanel.setToolTipText(d);
        chartPanel.getAccessibleContext().setAccessibleDescription(d);
    }

    /** Colours the chart from the look and feel (light, dark or high contrast). */
    private void style() {
        styled = Theme.current();
        styledScale = UiScale.percent();
        Color bg = UIManager.getColor("Panel.background");
        Color fg = UIManager.getColor("Label.foreground");
        Color grid = styled.dark() ? new Color(0x505050) : new Color(0xC8C8C8);
        Font f = UIManager.getFont("Label.font");
        chart.setBackgroundPaint(bg);
        XYPlot p = chart.getXYPlot();
        p.setBackgroundPaint(styled == Theme.HIGH_CONTRAST ? Color.BLACK : bg);
        p.setDomainGridlinePaint(grid);
        p.setRangeGridlinePaint(grid);
        for (var axis : List.of(p.getDomainAxis(), p.getRangeAxis())) {
            axis.setLabelPaint(fg);
            axis.setTickLabelPaint(fg);
            axis.setAxisLinePaint(fg);
            if (f != null) {
                axis.setTickLabelFont(f);
                axis.setLabelFont(f);
            }
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(bg);
            chart.getLegend().setItemPaint(fg);
            if (f != null) {
                chart.getLegend().setItemFont(f);
            }
        }
    }
}
