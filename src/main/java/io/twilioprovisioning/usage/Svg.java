package io.twilioprovisioning.usage;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * Draws the dashboard's charts as inline SVG on the server, readable without colour: each
 * series has its own line dash or fill pattern, every bar and line end carries its value
 * as text, and a legend names the patterns. Presentation attributes only (no
 * {@code style}), so the pages' strict Content-Security-Policy allows it. Every text that
 * comes from data is escaped.
 */
final class Svg {

	static final int WIDTH = 640;

	private static final String DEFS = """
			<defs>\
			<pattern id="%1$s-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
			<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#1f2937" stroke-width="2.5"/></pattern>\
			<pattern id="%1$s-dots" width="6" height="6" patternUnits="userSpaceOnUse">\
			<rect width="6" height="6" fill="#ffffff"/><circle cx="3" cy="3" r="1.6" fill="#1f2937"/></pattern>\
			</defs>""";

	private Svg() {
	}

	/**
	 * A line per series over days, each with its own dash pattern and its last value
	 * written at its end.
	 */
	static String lines(String id, String title, List<String> xLabels, List<Series> series) {
		int height = 240;
		int left = 48;
		int right = 150;
		int top = 16;
		int bottom = 36;
		int plotWidth = WIDTH - left - right;
		int plotHeight = height - top - bottom;
		long max = Math.max(1,
				series.stream().flatMap((s) -> s.values().stream()).mapToLong(Long::longValue).max().orElse(1));
		long step = niceStep(max);
		long ceiling = ((max + step - 1) / step) * step;
		StringBuilder svg = open(id, title, height);
		axes(svg, left, top, plotWidth, plotHeight, ceiling, step);
		int n = xLabels.size();
		for (int i = 0; i < n; i += Math.max(1, n / 6)) {
			double x = left + ((n == 1) ? 0 : (double) i * plotWidth / (n - 1));
			text(svg, x, top + plotHeight + 16, "middle", 11, xLabels.get(i));
		}
		String[] dashes = { "", "8 4", "2 3" };
		for (int s = 0; s < series.size(); s++) {
			Series one = series.get(s);
			StringBuilder points = new StringBuilder();
			double lastX = left;
			double lastY = top + plotHeight;
			for (int i = 0; i < one.values().size(); i++) {
				lastX = left + ((n == 1) ? 0 : (double) i * plotWidth / (n - 1));
				lastY = top + plotHeight - (double) one.values().get(i) * plotHeight / ceiling;
				points.append(fmt(lastX)).append(',').append(fmt(lastY)).append(' ');
			}
			svg.append("<polyline fill=\"none\" stroke=\"#1f2937\" stroke-width=\"2\"");
			if (!dashes[s % dashes.length].isEmpty()) {
				svg.append(" stroke-dasharray=\"").append(dashes[s % dashes.length]).append('"');
			}
			svg.append(" points=\"").append(points.toString().strip()).append("\"/>");
			long last = one.values().isEmpty() ? 0 : one.values().get(one.values().size() - 1);
			text(svg, lastX + 6, lastY + 4 + s * 13 - (series.size() - 1) * 6, "start", 12, one.name() + ": " + last);
		}
		return svg.append("</svg>").toString();
	}

	/**
	 * Horizontal bars, one per label, each with its value written after it.
	 */
	static String bars(String id, String title, List<String> labels, List<BigDecimal> values, String unit) {
		int rowHeight = 24;
		int height = 16 + rowHeight * Math.max(1, labels.size()) + 8;
		int left = 200;
		int plotWidth = WIDTH - left - 110;
		BigDecimal largest = values.stream().reduce(BigDecimal.ZERO, BigDecimal::max);
		BigDecimal max = (largest.signum() > 0) ? largest : BigDecimal.ONE;
		StringBuilder svg = open(id, title, height);
		for (int i = 0; i < labels.size(); i++) {
			int y = 12 + i * rowHeight;
			double width = values.get(i).doubleValue() * plotWidth / max.doubleValue();
			text(svg, left - 8, y + 15, "end", 12, shorten(labels.get(i), 28));
			svg.append("<rect x=\"")
				.append(left)
				.append("\" y=\"")
				.append(y)
				.append("\" width=\"")
				.append(fmt(Math.max(width, 1)))
				.append("\" height=\"")
				.append(rowHeight - 6)
				.append("\" fill=\"url(#")
				.append(id)
				.append(i == labels.size() - 1 && labels.get(i).startsWith("Others") ? "-dots" : "-hatch")
				.append(")\" stroke=\"#1f2937\"/>");
			text(svg, left + Math.max(width, 1) + 6, y + 15, "start", 12, values.get(i).toPlainString() + " " + unit);
		}
		return svg.append("</svg>").toString();
	}

	/**
	 * Bars per period, one per series side by side (solid, hatched), each with its value
	 * on top, and a legend.
	 */
	static String groupedBars(String id, String title, List<String> xLabels, List<Series> series,
			List<String> valueLabels) {
		int height = 240;
		int left = 48;
		int top = 28;
		int bottom = 36;
		int plotWidth = WIDTH - left - 16;
		int plotHeight = height - top - bottom;
		long max = Math.max(1,
				series.stream().flatMap((s) -> s.values().stream()).mapToLong(Long::longValue).max().orElse(1));
		long step = niceStep(max);
		long ceiling = ((max + step - 1) / step) * step;
		StringBuilder svg = open(id, title, height);
		axes(svg, left, top, plotWidth, plotHeight, ceiling, step);
		int n = xLabels.size();
		double group = (double) plotWidth / Math.max(1, n);
		double bar = Math.min(18, (group - 6) / series.size());
		String[] fills = { "#1f2937", "url(#" + id + "-hatch)", "url(#" + id + "-dots)" };
		for (int i = 0; i < n; i++) {
			double x0 = left + i * group + (group - bar * series.size()) / 2;
			for (int s = 0; s < series.size(); s++) {
				long value = series.get(s).values().get(i);
				double h = (double) value * plotHeight / ceiling;
				double x = x0 + s * bar;
				double y = top + plotHeight - h;
				svg.append("<rect x=\"")
					.append(fmt(x))
					.append("\" y=\"")
					.append(fmt(y))
					.append("\" width=\"")
					.append(fmt(bar - 1))
					.append("\" height=\"")
					.append(fmt(h))
					.append("\" fill=\"")
					.append(fills[s % fills.length])
					.append("\" stroke=\"#1f2937\"/>");
				String label = (valueLabels != null && series.size() == 1) ? valueLabels.get(i) : String.valueOf(value);
				if (value > 0 || valueLabels != null) {
					text(svg, x + bar / 2, y - 3, "middle", 9, label);
				}
			}
			if (n <= 8 || i % 2 == 0) {
				text(svg, left + i * group + group / 2, top + plotHeight + 16, "middle", 10, xLabels.get(i));
			}
		}
		for (int s = 0; s < series.size() && series.size() > 1; s++) {
			double x = left + 8 + s * 150;
			svg.append("<rect x=\"")
				.append(fmt(x))
				.append("\" y=\"4\" width=\"14\" height=\"12\" fill=\"")
				.append(fills[s % fills.length])
				.append("\" stroke=\"#1f2937\"/>");
			text(svg, x + 20, 14, "start", 12, series.get(s).name());
		}
		return svg.append("</svg>").toString();
	}

	private static StringBuilder open(String id, String title, int height) {
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(height)
			.append("\" width=\"")
			.append(WIDTH)
			.append("\" height=\"")
			.append(height)
			.append("\" aria-labelledby=\"")
			.append(id)
			.append("-title\" font-family=\"sans-serif\">")
			.append("<title id=\"")
			.append(id)
			.append("-title\">")
			.append(HtmlUtils.htmlEscape(title))
			.append("</title>")
			.append(String.format(Locale.ROOT, DEFS, id));
		return svg;
	}

	private static void axes(StringBuilder svg, int left, int top, int width, int height, long ceiling, long step) {
		for (long v = 0; v <= ceiling; v += step) {
			double y = top + height - (double) v * height / ceiling;
			svg.append("<line x1=\"")
				.append(left)
				.append("\" x2=\"")
				.append(left + width)
				.append("\" y1=\"")
				.append(fmt(y))
				.append("\" y2=\"")
				.append(fmt(y))
				.append("\" stroke=\"#d1d5db\"/>");
			text(svg, left - 6, y + 4, "end", 11, String.valueOf(v));
		}
		svg.append("<line x1=\"")
			.append(left)
			.append("\" x2=\"")
			.append(left)
			.append("\" y1=\"")
			.append(top)
			.append("\" y2=\"")
			.append(top + height)
			.append("\" stroke=\"#1f2937\"/>");
	}

	private static void text(StringBuilder svg, double x, double y, String anchor, int size, String text) {
		svg.append("<text x=\"")
			.append(fmt(x))
			.append("\" y=\"")
			.append(fmt(y))
			.append("\" text-anchor=\"")
			.append(anchor)
			.append("\" font-size=\"")
			.append(size)
			.append("\" fill=\"#111827\">")
			.append(HtmlUtils.htmlEscape(text))
			.append("</text>");
	}

	static long niceStep(long max) {
		long raw = Math.max(1, (max + 3) / 4);
		long magnitude = 1;
		while (magnitude * 10 <= raw) {
			magnitude *= 10;
		}
		for (long factor : new long[] { 1, 2, 5, 10 }) {
			if (factor * magnitude >= raw) {
				return factor * magnitude;
			}
		}
		return 10 * magnitude;
	}

	private static String shorten(String text, int max) {
		return (text.length() > max) ? text.substring(0, max - 1) + "…" : text;
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/**
	 * One named series of whole values.
	 *
	 * @param name what it counts
	 * @param values its values in the order of the x axis
	 */
	record Series(String name, List<Long> values) {

	}

}
