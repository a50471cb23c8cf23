/**
 * What the numbers cost and whether they are used: Twilio's monthly prices (cached
 * daily), the price each number was bought at, who held which number when, the monthly
 * cost report per client, the last inbound call and message of each number, idle numbers,
 * and the daily figures behind the dashboard's charts. Fed by the lifecycle's and the
 * inbound webhooks' events; prices come through its
 * {@link io.twilioprovisioning.usage.PriceSource} port, which the {@code twilio} module
 * implements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Usage and costs",
		allowedDependencies = { "numbers", "clients", "platform", "webhooks" })
package io.twilioprovisioning.usage;
