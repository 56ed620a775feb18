/** SignOff: logout that actually logs users out. */
package dev.signoff;
