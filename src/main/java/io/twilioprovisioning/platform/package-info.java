/**
 * Shared infrastructure every module may use: the provisioning mode, the embedded
 * database, paging values and the base of domain exceptions. Its top-level package is its
 * API; it depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package io.twilioprovisioning.platform;
