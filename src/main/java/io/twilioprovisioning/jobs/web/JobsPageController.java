package io.twilioprovisioning.jobs.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

import io.twilioprovisioning.jobs.ItemOutcome;
import io.twilioprovisioning.jobs.Job;
import io.twilioprovisioning.jobs.Jobs;
import io.twilioprovisioning.platform.DomainException;
import io.twilioprovisioning.platform.Flash;
import io.twilioprovisioning.platform.PageRequest;
import io.twilioprovisioning.platform.ConsolePage;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Jobs page: the jobs, a form to start a re-point, and each job's progress panel
 * (polled by htmx while the job runs) with pause, resume, cancel, its failed items,
 * "retry failed" and a CSV of every item's outcome.
 */
@Controller
@ConsolePage
@RequestMapping("/admin/jobs")
class JobsPageController {

	private final Jobs jobs;

	JobsPageController(Jobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("jobs", this.jobs.list(new PageRequest(Math.max(0, Math.min(page, 100_000)), 25)));
		return "jobs/list";
	}

	@PostMapping
	String start(@Valid @ModelAttribute JobForm form, BindingResult binding, Principal principal,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			FieldError error = binding.getFieldError();
			redirect.addFlashAttribute("flashError", "The job was not started: "
					+ ((error != null) ? error.getField() + " " + message(error) : "check the form") + ".");
			return "redirect:/admin/jobs";
		}
		try {
			Job job = this.jobs.start(form.kind(), form.toParameters(), principal.getName());
			Flash.success(redirect, "Job " + job.id() + " started.");
			return "redirect:/admin/jobs/" + job.id();
		}
		catch (DomainException ex) {
			Flash.error(redirect, ex);
			return "redirect:/admin/jobs";
		}
	}

	private static String message(FieldError error) {
		return error.isBindingFailure() ? "is not valid" : error.getDefaultMessage();
	}

	@GetMapping("/running")
	String running(Model model) {
		model.addAttribute("runningJobs", this.jobs.active());
		return "fragments/jobs :: runningJobs";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("job", this.jobs.get(id));
		model.addAttribute("failedItems", this.jobs.items(id, ItemOutcome.FAILED, new PageRequest(0, 50)));
		return "jobs/detail";
	}

	@GetMapping("/{id}/progress")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("job", this.jobs.get(id));
		return "fragments/jobs :: jobProgress";
	}

	@PostMapping("/{id}/pause")
	String pause(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.jobs.pause(id),
				"Job %d pauses: the items in progress finish, no other starts.");
	}

	@PostMapping("/{id}/resume")
	String resume(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.jobs.resume(id), "Job %d resumes where it stopped.");
	}

	@PostMapping("/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.jobs.cancel(id),
				"Job %d is cancelled: the items in progress finish, no other starts.");
	}

	@PostMapping("/{id}/retry-failed")
	String retryFailed(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.jobs.retryFailed(id), "Job %d runs its failed items again.");
	}

	private String act(long id, RedirectAttributes redirect, Runnable action, String done) {
		try {
			action.run();
			Flash.success(redirect, done.formatted(id));
		}
		catch (DomainException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/admin/jobs/" + id;
	}

	@GetMapping("/{id}/items.csv")
	void csv(@PathVariable long id, HttpServletResponse response) throws IOException {
		this.jobs.get(id);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"job-" + id + "-items.csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		PrintWriter out = response.getWriter();
		out.println("seq,item,outcome,twilio_code,message,attempts,finished_at");
		this.jobs.forEachItem(id,
				(item) -> out.println(String.join(",", String.valueOf(item.seq()), csvCell(item.itemKey()),
						item.outcome().name(), (item.twilioCode() != null) ? item.twilioCode().toString() : "",
						csvCell(item.message()), String.valueOf(item.attempts()),
						(item.finishedAt() != null) ? item.finishedAt().toString() : "")));
	}

	/**
	 * A CSV cell that a spreadsheet never runs as a formula (a leading {@code = + - @}
	 * gets a quote), quoted when it holds a separator.
	 */
	static String csvCell(String value) {
		if (value == null) {
			return "";
		}
		String safe = value;
		if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0 && !safe.matches("\\+\\d+")) {
			safe = "'" + safe;
		}
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

}
