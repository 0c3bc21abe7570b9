/**
 * @module Hand-written demo material: per domain, the customer's opening messages (calm to furious), their
 * follow-ups, and replies from good to poor. The seeder combines them into varied threads.
 */

export interface DemoDomain {
  name: string;
  team: "Billing" | "Deliveries" | "Technical";
  tags: string[];
  subjects: string[];
  openers: string[];
  /** The customer's next message when the reply helped. */
  calmer: string[];
  /** The customer's next message when the reply made things worse. */
  angrier: string[];
  goodReplies: string[];
  poorReplies: string[];
}

export const DEMO_DOMAINS: readonly DemoDomain[] = [
  {
    name: "online shop",
    team: "Deliveries",
    tags: ["delivery"],
    subjects: [
      "Parcel never arrived",
      "Order #A-10293 late",
      "Wrong item delivered",
      "Damaged package",
      "Missing items in my order",
    ],
    openers: [
      "Hi, my order #A-10293 was due on Monday and the tracking has not moved since Friday. Could you check where it is?",
      "I ordered a birthday present two weeks ago and it STILL hasn't arrived. The party was yesterday. Really disappointed.",
      "This is the third time I'm writing about order #B-55120!!! Nobody answers. Where is my parcel???",
      "You sent me a blue kettle instead of the black one I paid for. I need the right one before the weekend please.",
      "The box arrived completely crushed and the lamp inside is broken. I paid $89.99 for this. Unacceptable.",
      "Absolutely useless service. Two missing items, no reply to my emails, and your chat bot just loops. I want my money back now or I'm disputing the charge with my bank.",
    ],
    calmer: [
      "Thanks, that helps. I'll keep an eye on the tracking then.",
      "OK, thank you for sorting it out. Friday works for me.",
      "Appreciate the quick answer, the replacement is fine.",
    ],
    angrier: [
      "That is not an answer. I asked where my parcel is, not for your policy. Fix this TODAY.",
      "Seriously?! 'Please be patient'?? I have been patient for two weeks. I'm posting this on Twitter.",
      "Stop sending me copy-paste replies. I want a refund, not another apology. Last chance before I call my lawyer.",
    ],
    goodReplies: [
      "I'm sorry your order hasn't arrived — waiting on a parcel that doesn't move is frustrating. I've checked with the courier: it's held at the Leeds depot. I've asked them to redeliver and it will reach you by Thursday; I'll confirm by email tomorrow once it's on the van.",
      "You're right, that's the wrong kettle, and I'm sorry for the hassle. I've sent the black one by express today (tracking follows within the hour) and booked a free collection for the blue one on Friday.",
      "I'm sorry the lamp arrived broken. I've refunded the $89.99 to your card today — it usually shows within 3–5 working days. You don't need to send the lamp back.",
    ],
    poorReplies: [
      "Dear customer, we apologize for any inconvenience caused. Please be patient, deliveries can take up to 30 days as stated in our terms.",
      "As per our policy, we are not responsible for courier delays. You should have chosen express shipping.",
      "Unfortunately there is nothing we can do. Please contact the courier directly.",
      "Calm down, it will arrive eventually. We will definitely get it to you tomorrow, guaranteed!",
    ],
  },
  {
    name: "telecom",
    team: "Technical",
    tags: ["internet"],
    subjects: [
      "Internet down for days",
      "Slow broadband",
      "Router keeps disconnecting",
      "Outage in my area",
      "Engineer never showed up",
    ],
    openers: [
      "My internet has been dropping every evening since last Tuesday. I work from home so this is a real problem.",
      "Your engineer was booked for 9–12 today. I took the day off. Nobody came and nobody called. Why??",
      "THREE DAYS without internet. I've called five times. Each time someone promises a callback that never comes. This is a joke.",
      "Speeds are a tenth of what I pay for. Account 4471-220. Can someone look at the line?",
      "I'm cancelling. Seven years as a customer and you can't keep a connection up for a week. Disgraceful.",
    ],
    calmer: [
      "Thank you, the engineer slot on Monday morning is fine.",
      "OK, that makes sense. The connection has been stable since the reset, thanks.",
      "Thanks for actually explaining what's going on. I'll wait for the update.",
    ],
    angrier: [
      "So your answer is 'restart the router'? I did that on day one. Did you even read my message?",
      "I don't want another ticket number, I want my internet back. I'm reporting you to the regulator.",
      "Another promised callback. Another no-show. I'm done, cancel my contract and refund this month.",
    ],
    goodReplies: [
      "I'm sorry — losing your connection every evening while you work from home is exhausting. I can see repeated drops on your line since Tuesday, so this isn't your equipment. I've booked an engineer for Monday 8–10am and credited this month's line rental. I'll check the line myself on Tuesday and message you.",
      "You took a day off and nobody came — that's on us, and I'm sorry. I've booked the first slot tomorrow (8am) as a priority visit and added a £30 credit for the missed appointment. The engineer will call you 30 minutes before arriving.",
      "Three days without internet is too long, and you shouldn't have had to chase us five times. The fault is a damaged cable in the street; the repair crew is scheduled for Thursday. Meanwhile I'm sending a 4G hub today so you can get online, free of charge.",
    ],
    poorReplies: [
      "Have you tried turning your router off and on again? Most issues are resolved this way.",
      "We have no record of your previous calls. Please describe the issue again.",
      "Unfortunately outages are outside our control. We cannot offer compensation.",
      "Your complaint has been noted. A technician will contact you in due course.",
    ],
  },
  {
    name: "bank",
    team: "Billing",
    tags: ["billing"],
    subjects: [
      "Charged twice",
      "Card blocked abroad",
      "Refund not received",
      "Unknown fee on my statement",
      "Direct debit taken early",
    ],
    openers: [
      "I was charged twice for the same payment of €42.50 on 3 November. Could you refund the duplicate?",
      "My card was blocked while I was abroad, with no warning. I was stuck at a hotel desk unable to pay. Humiliating.",
      "Where is my refund? You confirmed it on the 12th and said 5 days. It's been three weeks. I need that money for rent.",
      "What is this £25 'account maintenance fee'? Nobody told me about it.",
      "You took my direct debit four days early and now I'm overdrawn with charges. This is your mistake, you fix it. Now.",
    ],
    calmer: [
      "Thanks, I can see the refund pending now.",
      "OK, thank you for removing the fee and explaining it.",
      "Appreciate it. Good to know the card works again.",
    ],
    angrier: [
      "Nobody ever takes responsibility at this bank. I'll be filing a formal complaint with the ombudsman.",
      "You've 'escalated' this three times. Escalated to WHERE? I want a name and a date.",
      "This is absolutely ridiculous. I want the overdraft charges refunded as well or I'm moving my accounts.",
    ],
    goodReplies: [
      "You're right: the €42.50 payment went through twice on 3 November. I've refunded the duplicate today; it will be back in your account within 2 working days, and I've removed any fee it caused.",
      "I'm really sorry — being stuck at a hotel desk unable to pay is awful. Our fraud check blocked the card; I've unblocked it and added a travel note until the 30th so it won't happen again this trip. You can use it right away.",
      "I understand how stressful this is with rent due. The refund was stuck in our payments queue; I've released it now and it will arrive by tomorrow 5pm. I've also added a note so any late fee from your landlord can be claimed back from us.",
    ],
    poorReplies: [
      "According to our records the transaction was processed correctly. Please check your statement again.",
      "We regret that you feel this way. Our terms and conditions allow early collection.",
      "The fee is clearly explained in our tariff document, which you agreed to when opening the account.",
      "I'm sorry but you should have told us you were travelling. That is the customer's responsibility.",
    ],
  },
  {
    name: "software",
    team: "Technical",
    tags: ["app"],
    subjects: [
      "Can't log in",
      "Data missing after update",
      "Subscription renewed without notice",
      "App crashes on start",
      "Export not working",
    ],
    openers: [
      "Since this morning I can't log into the app — it says 'invalid token'. Can you help?",
      "After yesterday's update half my project notes are GONE. Months of work. Please tell me you have a backup.",
      "You renewed my annual subscription for $199 without any reminder. I didn't want it. Refund please.",
      "The app crashes every time I open it on my Pixel 7. Reinstalled twice, same thing.",
      "Your export has been broken for two weeks and my whole team is blocked. We pay for the business plan. This is unacceptable and we're evaluating alternatives.",
    ],
    calmer: [
      "That worked, I'm back in. Thanks!",
      "Phew, I can see my notes again. Thank you so much.",
      "Thanks for the refund and for being straightforward about it.",
    ],
    angrier: [
      "A 'known issue' for two weeks and no fix date? That's not good enough for what we pay.",
      "I don't care about your release notes. I lost my data. Who is going to fix this?",
      "You keep asking for logs. I sent them twice. Read them.",
    ],
    goodReplies: [
      "Sorry about the login trouble — an expired session token after the update causes that message. I've reset your sessions; sign out, sign in again and it will work. If it doesn't, reply here and I'll look at your account straight away.",
      "I can imagine how worrying that is. Your notes are safe: the update hid notes in shared folders. I've restored the view on your account, and the fix ships to everyone on Wednesday. Could you check whether all your projects are back?",
      "You're right that we should have reminded you before renewing. I've refunded the $199 in full today and turned off auto-renew; you keep access until the end of the month.",
    ],
    poorReplies: [
      "This is a known issue. Our developers are working on it. Please wait for the next release.",
      "It works fine on our side, so the problem must be with your device.",
      "Per our terms, subscriptions renew automatically and are non-refundable.",
      "We will fix it right now and it will never happen again, I promise!",
    ],
  },
  {
    name: "airline",
    team: "Billing",
    tags: ["travel"],
    subjects: [
      "Flight cancelled, refund",
      "Lost luggage",
      "Seat downgrade",
      "Compensation claim",
      "Charged for a bag twice",
    ],
    openers: [
      "My flight KL1234 on 14 November was cancelled. I'd like a refund rather than a voucher, please.",
      "My suitcase has been missing for five days. It has my medication in it. Nobody at the desk could tell me anything.",
      "I paid for business class and was put in economy without explanation or refund. Disgusting way to treat a customer.",
      "Your flight was 6 hours late and I missed my connection and a wedding. I want the compensation the law says I'm owed.",
      "I was charged €60 twice for the same checked bag. Please refund one of them.",
    ],
    calmer: [
      "Thank you, the refund to my card is all I wanted.",
      "Thank you so much for finding it. Delivery tomorrow is perfect.",
      "OK, I accept the fare difference refund, thanks for sorting it.",
    ],
    angrier: [
      "A voucher?! I asked for a REFUND. It's my legal right and you know it.",
      "Five days and still 'investigating'? I need my medication. This is dangerous.",
      "Don't tell me to fill in another form. I've filled in three. Pay what you owe or I go to the regulator.",
    ],
    goodReplies: [
      "I'm sorry your flight was cancelled. You're entitled to a full refund, and I've processed it to your original card today: €312.40, arriving within 7 days. No voucher needed.",
      "I'm so sorry — going five days without your suitcase, and your medication, is serious. It was found in Amsterdam this morning and is on the 14:10 flight; a courier will bring it to your address by 8pm tonight. Here's my direct line if anything changes.",
      "You paid for business and flew economy; that's not right. I've refunded the fare difference (€840) today and added 5,000 miles for the trouble.",
    ],
    poorReplies: [
      "Unfortunately cancellations due to operational reasons are not eligible for refunds. A voucher has been issued.",
      "Please fill in the baggage claim form on our website and allow 21 days for processing.",
      "Downgrades can happen due to aircraft changes, as stated in the conditions of carriage.",
      "We apologise for any inconvenience. Your feedback is important to us.",
    ],
  },
];

export const DEMO_NOTES: readonly string[] = [
  "Customer mentioned a chargeback — keep replies factual and confirm dates in writing.",
  "Checked the order history: second contact this week about the same issue.",
  "Asked finance to confirm the refund date before we promise one.",
  "Good case for the weekly review: the first reply made things worse.",
];
