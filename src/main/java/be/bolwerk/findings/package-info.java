/**
 * The findings register: one improvement plan per organisation, fed by self-evaluations, audits, engagements and
 * imported scanner files. This minimal root only lets {@code cvss} and {@code intake} stand as a module until the
 * register's own root (its aggregate, events and API) is merged in.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package be.bolwerk.findings;
