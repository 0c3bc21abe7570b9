/** @module The reply detectors, one per label, in the order of REPLY_LABELS. */

import { detectAcknowledges } from "./detectors/reply/acknowledges.js";
import { detectApologySincere } from "./detectors/reply/apology-sincere.js";
import { detectAsksInput } from "./detectors/reply/asks-input.js";
import { detectBlame } from "./detectors/reply/blame.js";
import { detectClarifyingQuestion } from "./detectors/reply/clarifying-question.js";
import type { ReplyDetector } from "./detectors/reply/detector.js";
import { detectEmpathy } from "./detectors/reply/empathy.js";
import { detectEscalationNeeded } from "./detectors/reply/escalation-needed.js";
import { detectNegativeLanguage } from "./detectors/reply/negative-language.js";
import { detectNextStep } from "./detectors/reply/next-step.js";
import { detectNonApology } from "./detectors/reply/non-apology.js";
import { detectOverpromise } from "./detectors/reply/overpromise.js";
import { detectParaphrase } from "./detectors/reply/paraphrase.js";
import { detectRobotic } from "./detectors/reply/robotic.js";
import { detectSetsBoundary } from "./detectors/reply/sets-boundary.js";
import { detectTimeline } from "./detectors/reply/timeline.js";
import type { ReplyLabel } from "./types.js";

export const REPLY_DETECTORS: Record<ReplyLabel, ReplyDetector> = {
  acknowledges: detectAcknowledges,
  apology_sincere: detectApologySincere,
  non_apology: detectNonApology,
  empathy: detectEmpathy,
  paraphrase: detectParaphrase,
  clarifying_question: detectClarifyingQuestion,
  next_step: detectNextStep,
  timeline: detectTimeline,
  overpromise: detectOverpromise,
  blame: detectBlame,
  negative_language: detectNegativeLanguage,
  robotic: detectRobotic,
  asks_input: detectAsksInput,
  sets_boundary: detectSetsBoundary,
  escalation_needed: detectEscalationNeeded,
};
