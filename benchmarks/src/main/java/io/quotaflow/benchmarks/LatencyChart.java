package io.quotaflow.benchmarks;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** B4's latency distribution as a PNG: latency against percentile, one line per path (XChart). */
final class LatencyChart {

    private LatencyChart() {
    }

    static void write(Path png, String title, Map<String, Latencies> series) {
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title)
                .xAxisTitle("percentile of probes").yAxisTitle("latency (ms)").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        chart.getStyler().setYAxisLogarithmic(true);
        series.forEach((name, latencies) -> {
            double[] sorted = latencies.sorted();
            if (sorted.length == 0) {
                return;
            }
            double[] x = new double[sorted.length];
            double[] y = new double[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                x[i] = 100.0 * (i + 1) / sorted.length;
                y[i] = Math.max(0.1, sorted[i]);
            }
            chart.addSeries(name + " (n=" + sorted.length + ")", x, y).setMarker(SeriesMarkers.NONE);
        });
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }
}
