import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DomainError } from "~/domain/errors";
import { idField } from "~/domain/fields";
import { refundAllowed } from "~/domain/payments/money-model";
import { readOrderRefunds } from "~/domain/payments/read-order-refunds.server";
import { now } from "~/http/clock.server";
import { pageError } from "~/http/errors.server";
import { requireProducer } from "~/http/producer.server";
import { refundLineAction } from "~/http/refund-line-action.server";
import { useT } from "~/i18n/use-t";
import { ErrorPage } from "~/ui/error-page";
import { RefundOrderPanel, type RefundActionResult } from "~/ui/refund-order-panel";

export const meta: MetaFunction = () => [{ title: "Rembourser — Terre & Mer" }];

/**
 * A producer refunds a line of their own of a card-paid order, or part of it, with a reason
 * (decision 027 §5), until the distribution's money is final. Linked from the pickup sheet for
 * card-paid orders. An order without a line of theirs, or not paid by card online: 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producer } = await requireProducer(request);
  const orderId = idField.safeParse(params.orderId);
  const order = orderId.success ? await readOrderRefunds(orderId.data, { isAdmin: false, producerIds: [producer.id] }) : null;
  if (!order) throw pageError(request, new DomainError("not_found"));
  return { order, canRefund: refundAllowed("producer", order.endsAt, now()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, producer } = await requireProducer(request);
  // Only this producer's lines, whatever else the person may be: the use case checks the line is theirs.
  return refundLineAction(request, { ...user, roles: user.roles.filter((role) => role !== "ADMIN"), memberships: [{ organisationId: producer.id, role: "PRODUCER" }] });
}

export default function ProducerRefundPage() {
  const { order, canRefund } = useLoaderData<typeof loader>();
  const result = useActionData<RefundActionResult>();
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl">
      <p>
        <Link to="/producteur/preparation" className="inline-flex min-h-11 items-center font-semibold text-sea-700 underline">← {t("preparation.page.back")}</Link>
      </p>
      <h1 className="text-2xl font-bold text-sea-900">{t("cardRefunds.page.title", { number: order.orderNumber })}</h1>
      <RefundOrderPanel order={order} result={result} canRefund={canRefund} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
