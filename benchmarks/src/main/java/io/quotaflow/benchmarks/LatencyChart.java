package io.quotaflow.benchmarks;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * B4's latency distribution as a PNG — latency against percentile, one line per path (XChart) — and its samples as
 * a CSV beside it ({@code path,millis}), from which {@link #main} draws the chart again.
 */
public final class LatencyChart {

    private LatencyChart() {
    }

    /** {@code LatencyChart <samples.csv> <chart.png> <title>}: the chart again from a run's samples. */
    public static void main(String[] args) throws IOException {
        Map<String, Latencies> series = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.lastIndexOf(',');
            series.computeIfAbsent(line.substring(0, comma), path -> new Latencies())
                    .add(Double.parseDouble(line.substring(comma + 1)));
        }
        draw(Path.of(args[1]), args[2], series);
    }

    static void write(Path png, Path csv, String title, Map<String, Latencies> series) {
        List<String> lines = new ArrayList<>();
        lines.add("path,millis");
        series.forEach((name, latencies) -> {
            for (double millis : latencies.sorted()) {
                lines.add(name + "," + String.format(Locale.ROOT, "%.3f", millis));
            }
        });
        try {
            Files.write(csv, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        }
        draw(png, title, series);
    }

    private static void draw(Path png, String title, Map<String, Latencies> series) {
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title)
                .xAxisTitle("percentile of probes").yAxisTitle("latency (ms)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        // Percentiles as whole numbers on a 0–100 axis (XChart would otherwise label the first sample's, 1.8181…).
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(100.0);
        chart.getStyler().setXAxisDecimalPattern("#0");
        series.forEach((name, latencies) -> {
            double[] sorted = latencies.sorted();
            if (sorted.length == 0) {
                return;
            }
            double[] x = new double[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                x[i] = 100.0 * (i + 1) / sorted.length;
            }
            chart.addSeries(name + " (n=" + sorted.length + ")", x, sorted).setMarker(SeriesMarkers.CIRCLE);
        });
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }
}
