/** Demo profile only: fictional organisations, and the ids of the few that demo accounts belong to. */
@org.springframework.modulith.NamedInterface("demo")
package be.bolwerk.organisation.demo;
