package io.twilioprovisioning.sandbox.web;

import java.security.Principal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.twilioprovisioning.platform.DomainException;
import io.twilioprovisioning.sandbox.Fault;
import io.twilioprovisioning.sandbox.FaultPlan;
import io.twilioprovisioning.sandbox.Operation;
import io.twilioprovisioning.sandbox.SandboxConsole;
import io.twilioprovisioning.sandbox.SandboxModeCondition;
import io.twilioprovisioning.platform.ConsolePage;
import jakarta.validation.Valid;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sandbox page (sandbox mode only): the emulator's fault plan on this instance, forms
 * to add a fault, set latency and a concurrency limit, clear everything, and reset the
 * sandbox on both sides.
 */
@Controller
@ConsolePage
@RequestMapping("/admin/sandbox")
@Conditional(SandboxModeCondition.class)
class SandboxPageController {

	private static final String VIEW = "sandbox/faults";

	private final SandboxConsole sandbox;

	SandboxPageController(SandboxConsole sandbox) {
		this.sandbox = sandbox;
	}

	@GetMapping
	String page(Model model) {
		if (!model.containsAttribute("faultForm")) {
			model.addAttribute("faultForm", FaultForm.empty());
		}
		if (!model.containsAttribute("latencyForm")) {
			FaultPlan.Snapshot plan = this.sandbox.faults().snapshot();
			model.addAttribute("latencyForm",
					new LatencyForm((int) plan.minLatency().toMillis(), (int) plan.maxLatency().toMillis(),
							(plan.concurrencyLimit() > 0) ? plan.concurrencyLimit() : null));
		}
		return render(model);
	}

	@PostMapping("/faults")
	String addFault(@Valid @ModelAttribute("faultForm") FaultForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			model.addAttribute("latencyForm", new LatencyForm(0, 0, null));
			return render(model);
		}
		if (form.next() != null) {
			this.sandbox.faults().failNext(form.operation(), form.fault(), form.next());
		}
		else {
			this.sandbox.faults().failRate(form.operation(), form.fault(), form.percent() / 100.0);
		}
		redirect.addFlashAttribute("flashSuccess",
				"Fault added: " + ((form.operation() != null) ? form.operation().name() : "every operation")
						+ " answers " + form.fault().name() + ".");
		return "redirect:/admin/sandbox";
	}

	@PostMapping("/latency")
	String setLatency(@Valid @ModelAttribute("latencyForm") LatencyForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			model.addAttribute("faultForm", FaultForm.empty());
			return render(model);
		}
		int max = (form.maxMs() != null) ? form.maxMs() : form.minMs();
		this.sandbox.faults().latency(Duration.ofMillis(form.minMs()), Duration.ofMillis(max));
		this.sandbox.faults().concurrencyLimit((form.concurrencyLimit() != null) ? form.concurrencyLimit() : 0);
		redirect.addFlashAttribute("flashSuccess", "Latency and concurrency limit set.");
		return "redirect:/admin/sandbox";
	}

	@PostMapping("/clear")
	String clear(RedirectAttributes redirect) {
		this.sandbox.faults().clear();
		redirect.addFlashAttribute("flashSuccess", "Faults cleared: the emulator answers normally again.");
		return "redirect:/admin/sandbox";
	}

	@PostMapping("/reset")
	String reset(@RequestParam(defaultValue = "") String confirm, Principal principal, RedirectAttributes redirect) {
		try {
			this.sandbox.reset(principal.getName(), confirm);
			redirect.addFlashAttribute("flashSuccess",
					"The sandbox started over: no numbers on either side, the balance is back to its start.");
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/admin/sandbox";
	}

	private String render(Model model) {
		model.addAttribute("plan", FaultPlanView.of(this.sandbox.faults().snapshot()));
		model.addAttribute("operations", List.of(Operation.values()));
		model.addAttribute("faults", Arrays.asList(Fault.values()));
		model.addAttribute("balance", this.sandbox.balance());
		model.addAttribute("ownedNumbers", this.sandbox.ownedNumbers());
		return VIEW;
	}

}
