/** How a request becomes signed in: the security filter chains, the password and second-factor steps, the sign-in throttle and the proof asked again before a sensitive change. */
package be.bolwerk.identity.signin;
