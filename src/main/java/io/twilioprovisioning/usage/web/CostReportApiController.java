package io.twilioprovisioning.usage.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.twilioprovisioning.usage.CostReport;
import io.twilioprovisioning.usage.CostReports;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly cost report per client, as JSON or as CSV for invoicing (by
 * {@code Accept: text/csv} or {@code format=csv}).
 */
@RestController
@Tag(name = "Reports", description = "What the numbers cost per client and month")
class CostReportApiController {

	static final String MONTH_PATTERN = "[0-9]{4}-(0[1-9]|1[0-2])";

	static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final CostReports reports;

	private final Clock clock;

	CostReportApiController(CostReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@Operation(operationId = "getCostReport",
			summary = "What each client's numbers cost in a month, prorated by the days held",
			description = "A number costs its monthly price (Twilio's, recorded at purchase) times the days its client "
					+ "held it in the month over the days of the month; a day is billed to whoever held the number "
					+ "at its end (UTC). Send `Accept: text/csv` or `format=csv` for the CSV export, one row per "
					+ "number and client.")
	@ApiResponse(responseCode = "200", description = "The report",
			content = { @Content(mediaType = "application/json", schema = @Schema(implementation = CostReport.class)),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	@GetMapping("/api/admin/reports/costs")
	ResponseEntity<?> costs(
			@Parameter(description = "The month, YYYY-MM; the current month (UTC) when left out") @RequestParam(
					required = false) @Pattern(regexp = MONTH_PATTERN,
							message = "must be a month as YYYY-MM") String month,
			@Parameter(description = "csv for the CSV export; json is the default") @RequestParam(
					required = false) @Pattern(regexp = "json|csv", message = "must be json or csv") String format,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		YearMonth period = (month != null) ? YearMonth.parse(month)
				: YearMonth.now(this.clock.withZone(ZoneOffset.UTC));
		CostReport report = this.reports.month(period);
		if (wantsCsv(format, accept)) {
			return ResponseEntity.ok()
				.contentType(TEXT_CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(CostReportCsv.fileName(report)).build().toString())
				.body(CostReportCsv.of(report));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
	}

	static boolean wantsCsv(String format, String accept) {
		if (format != null) {
			return "csv".equals(format);
		}
		if (accept == null) {
			return false;
		}
		java.util.List<MediaType> types;
		try {
			types = MediaType.parseMediaTypes(accept);
		}
		catch (org.springframework.http.InvalidMediaTypeException ex) {
			return false;
		}
		for (MediaType type : types) {
			if (type.isCompatibleWith(TEXT_CSV) && !type.isWildcardType()) {
				return true;
			}
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
				return false;
			}
		}
		return false;
	}

}
