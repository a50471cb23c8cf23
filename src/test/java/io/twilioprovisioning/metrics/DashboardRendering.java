package io.twilioprovisioning.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Draws the Grafana dashboard's panels as one SVG from a single real scrape, since no
 * Grafana runs here: each panel's title and, per query, its series grouped by the
 * legend's labels as horizontal bars. Counters are shown as totals since the server
 * started (Grafana would plot their rates over time); a quantile is computed from the
 * histogram's buckets and a ratio from its two sums, both over the server's lifetime.
 */
final class DashboardRendering {

	static final Pattern METRIC = Pattern.compile("\\b((?:twilio|provisioning|webhooks|jobs)_[a-z0-9_]+)\\b");

	private static final Pattern LEGEND_LABEL = Pattern.compile("\\{\\{(\\w+)}}");

	private static final int PANEL_WIDTH = 590;

	private static final int PANEL_HEIGHT = 215;

	private static final int BARS = 7;

	private DashboardRendering() {
	}

	static String svg(JsonNode dashboard, Scrape scrape, String caption) {
		List<JsonNode> panels = new ArrayList<>();
		dashboard.path("panels").forEach(panels::add);
		int rows = (panels.size() + 1) / 2;
		int width = 2 * PANEL_WIDTH + 30;
		int height = 60 + rows * (PANEL_HEIGHT + 10);
		StringBuilder svg = new StringBuilder();
		svg.append(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">\n"
					.formatted(width, height, width, height));
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#111217\"/>\n");
		svg.append(text(10, 24, 18, "#e0e0e0", dashboard.path("title").asString() + " — Grafana dashboard panels"));
		svg.append(text(10, 44, 12, "#9a9a9a", caption));
		for (int i = 0; i < panels.size(); i++) {
			int x = 10 + (i % 2) * (PANEL_WIDTH + 10);
			int y = 56 + (i / 2) * (PANEL_HEIGHT + 10);
			panel(svg, panels.get(i), scrape, x, y);
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	private static void panel(StringBuilder svg, JsonNode panel, Scrape scrape, int x, int y) {
		svg.append("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"#181b1f\" stroke=\"#2c3235\"/>\n"
			.formatted(x, y, PANEL_WIDTH, PANEL_HEIGHT));
		svg.append(text(x + 10, y + 20, 13, "#e0e0e0", panel.path("title").asString()));
		Map<String, Double> series = new LinkedHashMap<>();
		for (JsonNode target : panel.path("targets")) {
			series.putAll(evaluate(target.path("expr").asString(), target.path("legendFormat").asString(), scrape));
		}
		if (series.isEmpty()) {
			svg.append(text(x + 10, y + 60, 12, "#9a9a9a",
					"No data in this scrape: the metric comes from another module (docs/metrics.md)."));
			return;
		}
		double max = series.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
		List<Map.Entry<String, Double>> sorted = new ArrayList<>(series.entrySet());
		sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed());
		String unit = panel.path("fieldConfig").path("defaults").path("unit").asString();
		for (int i = 0; i < Math.min(BARS, sorted.size()); i++) {
			Map.Entry<String, Double> entry = sorted.get(i);
			int rowY = y + 38 + i * 26;
			int barWidth = (max > 0) ? (int) Math.round(300 * entry.getValue() / max) : 0;
			svg.append(text(x + 10, rowY + 14, 12, "#c7d0d9", shorten(entry.getKey(), 30)));
			svg.append("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"%s\"/>\n".formatted(x + 200, rowY,
					Math.max(barWidth, 1), color(entry.getKey())));
			svg.append(text(x + 210 + barWidth, rowY + 14, 12, "#e0e0e0", format(entry.getValue(), unit)));
		}
		if (sorted.size() > BARS) {
			svg.append(text(x + 10, y + PANEL_HEIGHT - 8, 11, "#9a9a9a", "+ " + (sorted.size() - BARS) + " more"));
		}
	}

	/**
	 * The series a query shows, by its legend, from one scrape.
	 */
	static Map<String, Double> evaluate(String expr, String legend, Scrape scrape) {
		Matcher metric = METRIC.matcher(expr);
		if (!metric.find()) {
			return Map.of();
		}
		String name = metric.group(1);
		List<String> labels = new ArrayList<>();
		Matcher label = LEGEND_LABEL.matcher(legend);
		while (label.find()) {
			labels.add(label.group(1));
		}
		if (expr.startsWith("histogram_quantile(")) {
			return quantile(0.95, name, labels, legend, scrape);
		}
		if (expr.contains(" / ")) {
			double failed = scrape.named(name)
				.stream()
				.filter((s) -> !"success".equals(s.labels().get("outcome")))
				.mapToDouble(Scrape.Sample::value)
				.sum();
			double all = scrape.value(name);
			return (all > 0) ? Map.of(legend, failed / all) : Map.of();
		}
		Map<String, Double> series = new TreeMap<>();
		for (Scrape.Sample sample : scrape.named(name)) {
			series.merge(legend(legend, labels, sample.labels()), sample.value(), Double::sum);
		}
		return series;
	}

	private static Map<String, Double> quantile(double q, String bucketName, List<String> labels, String legend,
			Scrape scrape) {
		Map<String, TreeMap<Double, Double>> buckets = new TreeMap<>();
		for (Scrape.Sample sample : scrape.named(bucketName)) {
			String le = sample.labels().get("le");
			double bound = "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
			buckets.computeIfAbsent(legend(legend, labels, sample.labels()), (k) -> new TreeMap<>())
				.merge(bound, sample.value(), Double::sum);
		}
		Map<String, Double> quantiles = new TreeMap<>();
		buckets.forEach((series, cumulative) -> {
			double total = cumulative.lastEntry().getValue();
			if (total > 0) {
				cumulative.entrySet()
					.stream()
					.filter((bucket) -> bucket.getValue() >= q * total && !bucket.getKey().isInfinite())
					.findFirst()
					.ifPresent((bucket) -> quantiles.put(series, bucket.getKey()));
			}
		});
		return quantiles;
	}

	private static String legend(String format, List<String> labels, Map<String, String> values) {
		String result = format;
		for (String label : labels) {
			result = result.replace("{{" + label + "}}", values.getOrDefault(label, ""));
		}
		return result.isBlank() ? "value" : result.strip();
	}

	private static String format(double value, String unit) {
		return switch (unit) {
			case "percentunit" -> String.format(Locale.ROOT, "%.1f %%", value * 100);
			case "s" -> (value < 1) ? String.format(Locale.ROOT, "≤ %.0f ms", value * 1000)
					: String.format(Locale.ROOT, "≤ %.2f s", value);
			default -> (value == Math.rint(value)) ? String.format(Locale.ROOT, "%.0f", value)
					: String.format(Locale.ROOT, "%.2f", value);
		};
	}

	private static String color(String key) {
		String[] palette = { "#73bf69", "#f2cc0c", "#5794f2", "#ff780a", "#b877d9", "#8ab8ff", "#f2495c" };
		return palette[Math.floorMod(key.hashCode(), palette.length)];
	}

	private static String shorten(String value, int max) {
		return (value.length() > max) ? value.substring(0, max - 1) + "…" : value;
	}

	private static String text(int x, int y, int size, String fill, String value) {
		String escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
		return "<text x=\"%d\" y=\"%d\" font-size=\"%d\" fill=\"%s\">%s</text>\n".formatted(x, y, size, fill, escaped);
	}

}
