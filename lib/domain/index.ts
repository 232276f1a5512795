// The inspectorate's rules as pure functions and data. No I/O.
export * from "./rating";
export * from "./frameworks";
export * from "./score";
export * from "./overall";
export * from "./key-questions";
export * from "./consistency";
