/**
 * /assets/* as brotli made at build (scripts/precompress.ts: quality 11, once) to a browser that
 * accepts it; anything else goes on to express.static and the whole-response compression
 * (docs/decisions/020, 025), which leaves an answer already encoded alone.
 */
import type { RequestHandler } from "express";

export function precompressedAssets(directory: string): RequestHandler {
  return (request, response, next) => {
    if ((request.method !== "GET" && request.method !== "HEAD") || !/\.(js|css|svg|json)$/.test(request.path)) return next();
    if (request.acceptsEncodings(["br"]) !== "br") return next();
    response.setHeader("Content-Encoding", "br");
    response.setHeader("Vary", "Accept-Encoding");
    // send() keeps a Content-Type already set: the type of the file, not of its .br copy.
    response.type(request.path.slice(request.path.lastIndexOf(".")));
    response.sendFile(`${request.path.slice(1)}.br`, { root: directory, immutable: true, maxAge: "1y", dotfiles: "deny" }, (error) => {
      if (!error) return;
      response.removeHeader("Content-Encoding");
      response.removeHeader("Content-Type");
      if (response.headersSent) return next(error);
      next();
    });
  };
}
