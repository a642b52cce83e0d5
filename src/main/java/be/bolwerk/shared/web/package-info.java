/** Web infrastructure every module shares: error pages and problem+json, refusal mapping, security headers, cookies, locale, upload guards and the OpenAPI document. */
package be.bolwerk.shared.web;
