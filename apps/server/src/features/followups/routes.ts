/**
 * @module Follow-up routes: the customer's page behind the signed link (public, rate-limited like the portal) where
 * they say whether the fix held, give CSAT and a comment; and the agents' list of a case's follow-ups.
 */
import type {} from "@fastify/rate-limit";
import {
  FollowupAnswerBody,
  FollowupAnswerResponse,
  FollowupList,
  IdParams,
  PortalFollowup,
  PortalParams,
} from "@keel/contracts";
import { listFollowupsForCase } from "@keel/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.js";
import { unwrap } from "../../service-result.js";
import { guards } from "../auth/guard.js";
import { getCase } from "../cases/service.js";
import { PORTAL_RATE_LIMIT } from "../portal/routes.js";
import { answerByToken, followupOfToken, followupState } from "./service.js";

const QUESTION =
  "Did the fix hold? How satisfied are you with how we handled your case (1 = not at all, 5 = very)? Anything you'd like to add?";

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const followupRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);
    const rateLimit = { config: { rateLimit: PORTAL_RATE_LIMIT } };

    app.get(
      "/portal/:token/followup",
      {
        ...rateLimit,
        schema: {
          tags: ["portal"],
          summary: "The follow-up question for the customer (did the fix hold, CSAT, comment)",
          params: PortalParams,
          response: { 200: PortalFollowup },
        },
      },
      async (request) => {
        const { followup, case: kase } = unwrap(await followupOfToken(deps, request.params.token));
        return {
          number: kase.number,
          subject: kase.subject,
          state: followupState(followup),
          question: QUESTION,
          sentAt: iso(followup.sent_at),
          answer:
            followup.answered_at === null || followup.fix_held === null || followup.csat === null
              ? null
              : {
                  fixHeld: followup.fix_held,
                  csat: followup.csat,
                  comment: followup.comment,
                  answeredAt: followup.answered_at.toISOString(),
                },
        };
      },
    );

    app.post(
      "/portal/:token/followup",
      {
        ...rateLimit,
        schema: {
          tags: ["portal"],
          summary: "The customer answers the follow-up; a bad answer reopens the case, a good one closes it",
          params: PortalParams,
          body: FollowupAnswerBody,
          response: { 200: FollowupAnswerResponse },
        },
      },
      async (request) => {
        const answered = unwrap(await answerByToken(deps, request.params.token, request.body));
        return {
          outcome: answered.outcome,
          caseStatus: answered.case.status,
          message:
            answered.outcome === "reopened"
              ? `Thank you for telling us. We've reopened case #${answered.case.number} and a member of the team will pick it up.`
              : `Thank you for your answer. Case #${answered.case.number} is now closed.`,
        };
      },
    );

    app.get(
      "/cases/:id/followups",
      {
        onRequest: guard.agent,
        schema: {
          tags: ["followups"],
          summary: "A case's follow-ups and the customer's answers, newest first",
          params: IdParams,
          response: { 200: FollowupList },
        },
      },
      async (request) => {
        const kase = unwrap(await getCase(deps, request.params.id));
        const followups = await listFollowupsForCase(deps.db, kase.id);
        return {
          followups: followups.map((f) => ({
            id: f.id,
            caseId: f.case_id,
            state: followupState(f),
            dueAt: f.due_at.toISOString(),
            sentAt: iso(f.sent_at),
            answeredAt: iso(f.answered_at),
            fixHeld: f.fix_held,
            csat: f.csat,
            comment: f.comment,
            commentAnger: f.comment_anger,
            outcome: f.outcome,
            cancelReason: f.cancel_reason,
            agentId: f.agent_id,
            teamId: f.team_id,
          })),
        };
      },
    );
  };
