/** The organisation pages: list with search, sort and paging, detail, register and edit, and the spreadsheet export. */
package be.bolwerk.organisation.web;
