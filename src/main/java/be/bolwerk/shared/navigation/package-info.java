/**
 * The main menu of the pages: which items the signed-in person sees, decided once per request in Java from
 * their roles and handed to the layout as a plain list.
 */
package be.bolwerk.shared.navigation;
