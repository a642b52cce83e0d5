/** Demo profile only: budget lines for last year and this year with commitments and payments. */
package be.bolwerk.funding.demo;
