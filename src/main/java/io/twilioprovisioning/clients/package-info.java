/**
 * Client businesses (tenants) that numbers are handed to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clients", allowedDependencies = "platform")
package io.twilioprovisioning.clients;
