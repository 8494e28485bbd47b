// Stands in for "server-only" under vitest: the real package throws outside a React Server
// Components bundle, which would make server code impossible to integration-test.
export {};
