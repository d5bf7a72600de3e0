/**
 * Imported first by the command line's run (modes/run-cli.ts), before any module builds a
 * schema: zod then checks every value with its plain parsers instead of writing a parser in
 * JavaScript per object schema at its first use (`new Function`). A run parses each schema a
 * few times at most, so compiling those parsers cost more than it saved: some 40 ms of a
 * start on two cores. The results are zod's own either way (the unit tests pass in both).
 */
import { z } from 'zod';

z.config({ jitless: true });
