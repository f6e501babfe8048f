/** A configuration value that stops the start; its message names the variable and what is wrong. */
export class ConfigError extends Error {}
