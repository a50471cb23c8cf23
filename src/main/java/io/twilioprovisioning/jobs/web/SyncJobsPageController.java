package io.twilioprovisioning.jobs.web;

import java.security.Principal;

import io.twilioprovisioning.jobs.Job;
import io.twilioprovisioning.jobs.JobKind;
import io.twilioprovisioning.jobs.JobParameters;
import io.twilioprovisioning.jobs.Jobs;
import io.twilioprovisioning.platform.DomainException;
import io.twilioprovisioning.platform.Flash;
import io.twilioprovisioning.platform.ConsolePage;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dashboard's sync buttons that may touch thousands of numbers: each starts a job and
 * shows its progress panel.
 */
@Controller
@ConsolePage
@RequestMapping("/admin/twilio/sync")
class SyncJobsPageController {

	private final Jobs jobs;

	SyncJobsPageController(Jobs jobs) {
		this.jobs = jobs;
	}

	@PostMapping("/adopt")
	String adopt(Principal principal, RedirectAttributes redirect) {
		return start(JobKind.ADOPT_UNTRACKED, JobParameters.NONE, principal, redirect);
	}

	@PostMapping("/fix-webhooks")
	String fixWebhooks(Principal principal, RedirectAttributes redirect) {
		return start(JobKind.REPOINT_WEBHOOKS, JobParameters.outOfPolicy(), principal, redirect);
	}

	@PostMapping("/close-missing")
	String closeMissing(Principal principal, RedirectAttributes redirect) {
		return start(JobKind.CLOSE_MISSING, JobParameters.NONE, principal, redirect);
	}

	private String start(JobKind kind, JobParameters parameters, Principal principal, RedirectAttributes redirect) {
		try {
			Job job = this.jobs.start(kind, parameters, principal.getName());
			Flash.success(redirect, "Job " + job.id() + " started.");
			return "redirect:/admin/jobs/" + job.id();
		}
		catch (DomainException ex) {
			Flash.error(redirect, ex);
			return "redirect:/admin/twilio";
		}
	}

}
