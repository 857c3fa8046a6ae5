/**
 * JSON for the durable engine, with Jackson (an optional dependency): a {@link
 * dev.funcboot.durable.DataConverter} for payloads and a stable text form of histories. The
 * replay core never imports this package.
 */
package dev.funcboot.durable.json;
