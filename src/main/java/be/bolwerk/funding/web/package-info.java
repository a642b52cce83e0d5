/** The programme office's budget pages: the lines per year, a line's figures, chart and ledger, its export. */
package be.bolwerk.funding.web;
