/**
 * Log lines that input cannot forge: the message converters, console encoder and JSON
 * customizer that {@code logback-spring.xml} and {@code application.properties} name.
 */
package io.twilioprovisioning.platform.logging;
