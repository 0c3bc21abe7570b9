/**
 * @module Routes for keeping customers informed: the drafted progress update of a case, and the acknowledgment
 * template — saved only after the coach has read it (problems refuse the save unless `force`).
 */
import {
  AcknowledgmentRefused,
  AcknowledgmentSetting,
  AcknowledgmentSettingBody,
  IdParams,
  TemplateCheckBody,
  TextCheck as TextCheckSchema,
  UpdateDraft,
} from "@keel/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { unwrap } from "../../service-result.js";
import { audit } from "../audit/service.js";
import { guards, principalOf } from "../auth/guard.js";
import { actorOf } from "../auth/service.js";
import { getCase } from "../cases/service.js";
import { readSettingState, writeSetting } from "../settings/service.js";
import { checkTemplate } from "./coach-check.js";
import { AcknowledgmentValue, acknowledgmentSetting } from "./settings.js";
import { draftProgressUpdate } from "./update-draft.js";

const tags = ["informed"];

export const informedRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = guards(deps);

    app.get(
      "/cases/:id/update-draft",
      {
        onRequest: guard.agent,
        schema: {
          tags,
          summary:
            "A drafted progress update for the customer, with the next promised date and the coach's check",
          params: IdParams,
          response: { 200: UpdateDraft },
        },
      },
      async (request) => {
        const kase = unwrap(await getCase(deps, request.params.id));
        const draft = unwrap(await draftProgressUpdate(deps.db, kase, deps.clock.now()));
        return {
          caseId: draft.caseId,
          text: draft.text,
          lastUpdateAt: draft.lastUpdateAt.toISOString(),
          dueAt: draft.dueAt.toISOString(),
          nextUpdateAt: draft.nextUpdateAt.toISOString(),
          nextPromise:
            draft.nextPromise === null
              ? null
              : { text: draft.nextPromise.text, dueAt: draft.nextPromise.dueAt.toISOString() },
          coach: draft.check,
        };
      },
    );

    app.post(
      "/settings/acknowledgment/check",
      {
        onRequest: guard.admin,
        schema: {
          tags,
          summary: "What the coach says about an acknowledgment template, without saving it (admin)",
          body: TemplateCheckBody,
          response: { 200: TextCheckSchema },
        },
      },
      async (request) => checkTemplate(request.body.template),
    );

    // A static path wins over the generic PUT /settings/:key, so this template is never saved unread.
    app.put(
      "/settings/acknowledgment",
      {
        onRequest: guard.admin,
        schema: {
          tags,
          summary:
            "Replace the acknowledgment template (admin): the coach reads it first; flagged problems refuse the save unless force",
          body: AcknowledgmentSettingBody,
          response: { 200: AcknowledgmentSetting, 422: AcknowledgmentRefused },
        },
      },
      async (request, reply) => {
        const parsed = AcknowledgmentValue.safeParse(request.body.value);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const field = ["value", ...(issue?.path ?? []).map(String)].join(".");
          throw new AppError("validation_failed", `${field}: ${issue?.message ?? "is invalid"}`, field);
        }
        const coach = checkTemplate(parsed.data.template);
        if (coach.problems.length > 0 && !request.body.force) {
          const labels = coach.problems.map((p) => p.label);
          return reply.status(422).send({
            error: {
              code: "unprocessable" as const,
              message: `The coach flags this template (${labels.join(", ")}); rewrite it, or send force: true to save it anyway.`,
              labels,
              suggestions: coach.problems.flatMap((p) => (p.suggestion === null ? [] : [p.suggestion])),
            },
            coach,
          });
        }
        const principal = principalOf(request);
        const before = await readSettingState(deps.db, acknowledgmentSetting);
        const saved = unwrap(
          await writeSetting(
            deps.db,
            acknowledgmentSetting,
            parsed.data,
            { agentId: principal.agent.id },
            deps.clock.now(),
          ),
        );
        await audit(deps.db, actorOf(principal), {
          entity: "setting",
          entityId: acknowledgmentSetting.key,
          action: coach.problems.length > 0 ? "update_forced" : "update",
          before: { version: before.version, value: before.value },
          after: { version: saved.version, value: saved.value, coachScore: coach.score },
        });
        return {
          key: acknowledgmentSetting.key,
          description: acknowledgmentSetting.description,
          value: saved.value,
          default: acknowledgmentSetting.defaultValue,
          version: saved.version,
          updatedAt: saved.updatedAt?.toISOString() ?? null,
          updatedBy: saved.updatedBy,
          coach,
        };
      },
    );
  };
