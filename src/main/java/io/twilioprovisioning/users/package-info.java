/**
 * Users, roles, login and the security rules of every route.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Users and security", allowedDependencies = "platform")
package io.twilioprovisioning.users;
