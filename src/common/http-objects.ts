import http from "node:http";
import { type Express } from "express";

/**
 * The request and response classes for the HTTP server of an Express app, whose objects are made
 * with the app's own prototypes (`app.request`, `app.response`).
 *
 * Express gives each request and response those prototypes as it takes them in
 * (`Object.setPrototypeOf` in `app.handle`). Objects whose prototype was changed after they were
 * made stayed alive, with what they reach, through the next young-generation collection of V8,
 * which then moved them to the old generation: a bare Express 5 app under a stream of small
 * requests promoted 19 MB per scavenge, and 440 bytes with these classes (docs/performance.md, "Fifth round").
 * Made with the right prototype from the start, Express's call changes nothing (setting the
 * prototype an object already has returns at once), and a request's objects die young.
 *
 * Each class is a plain function whose `prototype` is the app's, running Node's constructor on
 * the new object, so that V8 gives all of a class's objects one shape. `Reflect.construct` with
 * the app's prototype (the first form of this) made a new shape for every object, since those
 * prototypes are kept as dictionaries: 25 µs to make a request instead of 0.4, and every access
 * to it afterwards through Node's and Express's code slower (docs/performance.md, "Sixth round"). Should a
 * later Node define these as ES classes, which cannot be called, that form is the fallback.
 */
export function expressHttpClasses(app: Express): http.ServerOptions {
  return {
    IncomingMessage: madeWith(http.IncomingMessage, app.request),
    ServerResponse: madeWith(http.ServerResponse, app.response),
  };
}

type Init = (this: unknown, ...args: unknown[]) => void;

/** Own properties of a request or a response, and more: a response of Node's with Express's has 40. */
const EXPECTED_PROPERTIES = 64;

/**
 * A function running `init` on each object it makes, whose body also holds EXPECTED_PROPERTIES
 * assignments to `this` that never run. V8 sizes the objects a function makes by the assignments
 * to `this` in its body: made by a function without them, an object had room for a few
 * properties of its own, and a response, which gets some 40 (several by symbol, which V8 counts
 * against a smaller limit), became a dictionary as it was made: 1.4–2 µs to make instead of
 * 0.4–0.5, each of its properties a hash lookup afterwards, and two responses sharing a shape only
 * while V8's cache of dictionary shapes lasted (a garbage collection between two requests, under
 * load, gave them two). V8 gives back the room the objects do not use after the first few.
 */
function sized(init: Init): Init & { prototype: object } {
  const never = Array.from({ length: EXPECTED_PROPERTIES }, (_, i) => `this.p${i} = 0;`).join(" ");
  const make = new Function(
    "init",
    `return function (...args) { if (init === null) { ${never} } init.apply(this, args); };`,
  ) as (init: Init) => Init & { prototype: object };
  return make(init);
}

/** A class whose objects are made by `base`'s constructor with `proto` as their prototype. */
export function madeWith<C>(base: C, proto: object): C {
  let make: Init & { prototype: object };
  if (/^class\b/.test(Function.prototype.toString.call(base as () => void))) {
    make = function (this: unknown, ...args: unknown[]) {
      return Reflect.construct(base as () => void, args, make) as object;
    } as unknown as Init & { prototype: object };
  } else {
    make = sized(base as unknown as Init);
  }
  make.prototype = proto;
  return make as unknown as C;
}
