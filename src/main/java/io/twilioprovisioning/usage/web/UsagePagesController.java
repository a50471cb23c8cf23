package io.twilioprovisioning.usage.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletResponse;

import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.platform.DomainException;
import io.twilioprovisioning.platform.Flash;
import io.twilioprovisioning.usage.CostReport;
import io.twilioprovisioning.usage.CostReports;
import io.twilioprovisioning.usage.IdleNumbers;
import io.twilioprovisioning.platform.ConsolePage;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's cost report (with its CSV export for invoicing) and the idle numbers,
 * with the release of one client's idle numbers after the operator typed the client's
 * name.
 */
@Controller
@ConsolePage
@RequestMapping("/admin/reports")
class UsagePagesController {

	private final CostReports reports;

	private final IdleNumbers idle;

	private final ClientManagement clients;

	private final Clock clock;

	UsagePagesController(CostReports reports, IdleNumbers idle, ClientManagement clients, Clock clock) {
		this.reports = reports;
		this.idle = idle;
		this.clients = clients;
		this.clock = clock;
	}

	/**
	 * The dashboard's usage card alone, which the dashboard asks for again while its
	 * figures are being refreshed.
	 */
	@GetMapping("/dashboard-usage")
	String dashboardUsage() {
		return "usage/dashboard :: usage";
	}

	@GetMapping("/costs")
	String costs(@RequestParam(required = false) String month, Model model) {
		YearMonth period = month(month, model);
		model.addAttribute("month", period.toString());
		model.addAttribute("report", this.reports.month(period));
		model.addAttribute("runRate", this.reports.runRate());
		return "usage/costs";
	}

	@GetMapping("/costs.csv")
	void costsCsv(@RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
		YearMonth period = parse(month);
		if (period == null) {
			response.sendError(400, "month must be a month as YYYY-MM");
			return;
		}
		CostReport report = this.reports.month(period);
		response.setContentType("text/csv;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(CostReportCsv.fileName(report)).build().toString());
		response.getWriter().write(CostReportCsv.of(report));
	}

	@GetMapping("/idle")
	String idle(@RequestParam(required = false) Long clientId, Model model) {
		model.addAttribute("idleDays", this.idle.idleDays());
		model.addAttribute("clients", this.idle.clients());
		if (clientId != null) {
			model.addAttribute("client", this.clients.get(clientId));
			model.addAttribute("numbers", this.idle.ofClient(clientId));
		}
		return "usage/idle";
	}

	@PostMapping("/idle/release")
	String releaseIdle(@RequestParam long clientId, @RequestParam(defaultValue = "") String confirm,
			@RequestParam(defaultValue = "-1") int expected, Principal principal, RedirectAttributes redirect) {
		try {
			IdleNumbers.ReleaseOutcome outcome = this.idle.release(clientId, confirm, expected, principal.getName());
			if (outcome.failed().isEmpty()) {
				Flash.success(redirect, "Released " + outcome.released().size() + " idle numbers of "
						+ outcome.clientName() + ", one by one.");
			}
			else {
				redirect.addFlashAttribute("flashError",
						"Released " + outcome.released().size() + " idle numbers of " + outcome.clientName() + "; "
								+ outcome.failed().size() + " could not be released: "
								+ String.join("; ", outcome.failed()));
			}
			return "redirect:/admin/reports/idle";
		}
		catch (DomainException ex) {
			Flash.error(redirect, ex);
			return "redirect:/admin/reports/idle?clientId=" + clientId;
		}
	}

	private YearMonth month(String text, Model model) {
		YearMonth parsed = parse(text);
		if (parsed == null) {
			model.addAttribute("monthError", "Enter a month as YYYY-MM, e.g. 2026-11; showing the current month.");
			return YearMonth.now(this.clock.withZone(ZoneOffset.UTC));
		}
		return parsed;
	}

	private YearMonth parse(String text) {
		if (text == null || text.isBlank()) {
			return YearMonth.now(this.clock.withZone(ZoneOffset.UTC));
		}
		if (!text.matches(CostReportApiController.MONTH_PATTERN)) {
			return null;
		}
		return YearMonth.parse(text);
	}

}
