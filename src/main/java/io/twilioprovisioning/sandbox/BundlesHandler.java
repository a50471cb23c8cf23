package io.twilioprovisioning.sandbox;

import java.util.List;
import java.util.Map;

/**
 * Regulatory Bundles on {@code numbers.twilio.com}, read-only:
 * {@code /v2/RegulatoryCompliance/Bundles} (filters {@code Status}, {@code FriendlyName},
 * {@code IsoCountry}, {@code NumberType}, {@code EndUserType}) and
 * {@code /v2/RegulatoryCompliance/Bundles/{Sid}}. Each account has the presets of
 * {@link BundleStore}; creating or changing bundles answers 405.
 */
final class BundlesHandler {

	private static final String BUNDLES = "/v2/RegulatoryCompliance/Bundles";

	private final EmulatorContext context;

	BundlesHandler(EmulatorContext context) {
		this.context = context;
	}

	void register(RouteTable routes) {
		routes.route(TwilioHost.NUMBERS, BUNDLES).get(Operation.BUNDLE_LIST, this::list);
		routes.route(TwilioHost.NUMBERS, BUNDLES + "/{Sid}").get(Operation.BUNDLE_FETCH, this::fetch);
	}

	private EmulatorResponse list(Call call) {
		EmulatorRequest request = call.request();
		String status = request.queryParam("Status");
		String friendlyName = request.queryParam("FriendlyName");
		String isoCountry = request.queryParam("IsoCountry");
		String numberType = request.queryParam("NumberType");
		String endUserType = request.queryParam("EndUserType");
		List<BundleRecord> bundles = this.context.state()
			.read((state) -> state.bundles().ofAccount(call.account().sid()))
			.stream()
			.filter((bundle) -> status == null || status.equals(bundle.status()))
			.filter((bundle) -> friendlyName == null || friendlyName.equals(bundle.friendlyName()))
			.filter((bundle) -> isoCountry == null || isoCountry.equalsIgnoreCase(bundle.isoCountry()))
			.filter((bundle) -> numberType == null || numberType.equals(bundle.numberType()))
			.filter((bundle) -> endUserType == null || endUserType.equals(bundle.endUserType()))
			.toList();
		Paging.Slice<BundleRecord> slice = Paging.slice(bundles, request);
		return EmulatorContext.json(200,
				Paging.metaEnvelope("results", slice.items().stream().map(BundlesHandler::json).toList(), slice,
						call.host(), call.path(),
						Paging.filters(request, "Status", "FriendlyName", "IsoCountry", "NumberType", "EndUserType")));
	}

	private EmulatorResponse fetch(Call call) {
		return EmulatorContext.json(200,
				json(this.context.state()
					.read((state) -> state.bundles().find(call.account().sid(), call.parameter("Sid")))
					.orElseThrow(call::notFound)));
	}

	static Map<String, Object> json(BundleRecord bundle) {
		String url = TwilioHost.NUMBERS.url(BUNDLES + "/" + bundle.sid());
		Map<String, Object> links = EmulatorContext.object();
		links.put("evaluations", url + "/Evaluations");
		links.put("item_assignments", url + "/ItemAssignments");
		links.put("bundle_copies", url + "/Copies");
		Map<String, Object> json = EmulatorContext.object();
		json.put("sid", bundle.sid());
		json.put("account_sid", bundle.accountSid());
		json.put("regulation_sid", bundle.regulationSid());
		json.put("friendly_name", bundle.friendlyName());
		json.put("status", bundle.status());
		json.put("valid_until", null);
		json.put("email", bundle.email());
		json.put("status_callback", null);
		json.put("date_created", TwilioJson.isoDate(bundle.dateCreated()));
		json.put("date_updated", TwilioJson.isoDate(bundle.dateUpdated()));
		json.put("url", url);
		json.put("links", links);
		return json;
	}

}
