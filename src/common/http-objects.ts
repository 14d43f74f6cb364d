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
 * requests promoted 19 MB per scavenge, and 440 bytes with these classes (README, "Fifth round").
 * Made with the right prototype from the start, Express's call changes nothing (setting the
 * prototype an object already has returns at once), and a request's objects die young.
 *
 * `Reflect.construct` with the function itself as `new.target` makes Node's own object with the
 * app's prototype, whether Node defines its classes as functions or as classes.
 */
export function expressHttpClasses(app: Express): http.ServerOptions {
  function AppRequest(this: unknown, ...args: unknown[]) {
    return Reflect.construct(http.IncomingMessage, args, AppRequest) as object;
  }
  AppRequest.prototype = app.request;
  function AppResponse(this: unknown, ...args: unknown[]) {
    return Reflect.construct(http.ServerResponse, args, AppResponse) as object;
  }
  AppResponse.prototype = app.response;
  return {
    IncomingMessage: AppRequest as unknown as typeof http.IncomingMessage,
    ServerResponse: AppResponse as unknown as typeof http.ServerResponse,
  };
}
