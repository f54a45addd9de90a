import type { LoaderFunctionArgs } from "@remix-run/node";
import { pageCount, PAGE_SIZE } from "~/domain/directory/directory-query";
import { presentProducer, readProducersApiQuery } from "~/domain/directory/producers-api";
import { sharedDirectorySearch } from "~/domain/directory/shared-directory-search.server";
import { apiJson, apiLocale, handleApi } from "~/http/api.server";
import { now } from "~/http/clock.server";
import { appUrl } from "~/http/request-context.server";
import { isMessageKey, translate } from "~/i18n/messages";

/**
 * GET: the directory's producers and AMAPs (issue 12, decision 033), with the directory's filters
 * in the same URL parameters and its paging (20 a page), each with its DFC catalogue's address;
 * 400 `invalid` naming every wrong parameter. Public and readable from any origin, like the open data.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return handleApi(request, async () => {
    const read = readProducersApiQuery(new URL(request.url).searchParams);
    if (!read.ok) {
      const locale = apiLocale(request);
      const issues = read.issues.map((issue) => ({ path: issue.path, message: isMessageKey(issue.messageKey) ? translate(locale, issue.messageKey, issue.messageParams) : issue.messageKey }));
      return apiJson({ error: "invalid", message: translate(locale, "error.invalid"), issues }, 400);
    }
    const found = await sharedDirectorySearch(read.query, now(), { actors: ["producer", "amap"] });
    const site = appUrl();
    return apiJson(
      {
        producers: found.results.flatMap((result) => presentProducer(result, site) ?? []),
        total: found.total,
        page: read.query.page,
        pageSize: PAGE_SIZE,
        pageCount: pageCount(found.total),
      },
      { headers: { "Access-Control-Allow-Origin": "*" } },
    );
  });
}
