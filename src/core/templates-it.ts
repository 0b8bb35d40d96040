/**
 * Italian wording of every email and script. Same syntax as templates-en.ts; see
 * render-template.ts.
 *
 * To a person: the formal register (Lei), with a capital on the courtesy pronouns that stand
 * alone (Lei, Le, La, Sua) and none on those joined to a verb ("chiamarla", "parlarle"), which
 * would read as bureaucratic. To a team or a scheduling address (`{group}`): no Lei at all,
 * impersonal wording, and the candidate says who they are.
 *
 * Nothing refers to the candidate with a gendered adjective or participle ("lieto",
 * "riuscito", "dispiaciuto", "chiamato"): we do not know the candidate's gender, so every
 * sentence is built to agree with no one ("sono disponibile", "senza riuscire", "mi scuso").
 *
 * After "Gentile …," or "Buongiorno," the body starts in lower case, as Italian letters
 * traditionally do; sentences that open with the courtesy "Le" or "La" keep its capital.
 * Subjects separate their parts with a spaced en dash.
 */
import type { TemplateKind } from './types.ts';
import type { TemplateText } from './template-engine.ts';

const greeting = '[{group}Buongiorno,|Gentile {interviewerName},|Buongiorno,]';
const signature = 'Cordiali saluti,\n{candidateName}\n{candidatePhone}\n{candidateEmail}';
/** "per la posizione di Backend Engineer in Acme", "con Acme", or nothing. */
const aboutRole = '[ per la posizione di {role}[ in {company}]| con {company}]';
/** To a team: "con Acme per la posizione di Backend Engineer". */
const teamRole = '[ con {company}][ per la posizione di {role}]';
/** "videocolloquio" for an interview with a video link and no phone number. */
const interview = '[{video}video]colloquio';
/** When every time is on one clock, its zone is named here, once. */
const plannedFor = '[, previsto per {scheduledWhen}[ {localZone}]]';
/** The same where a list of new times follows and names the zone itself. */
const plannedForBeforeSlots = '[, previsto per {scheduledWhen}[ {localZone}{noSlots}]]';
/** "relativo alla posizione di …": after "colloquio", where a second "per" would chain
 * ("per il colloquio per la posizione"). */
const regardingRole = '[ relativo alla posizione di {role}[ in {company}]| con {company}]';
/** After the time of a call moved to it: ", riprogrammato per oggi alle 15:30 (ora di Roma)". */
const rescheduledTo = '[, riprogrammato per {scheduledWhen}[ {localZone}]]';
/** Available at once: on the phone, or in the meeting for a video interview. */
const freeNow = (phone: string) => `[{video}Posso collegarmi subito[ a {videoService}][, oppure ${phone}]|Sono disponibile già da ora[ al numero {candidatePhone}]]`;
const teamNow = freeNow('sono raggiungibile al numero {candidatePhone}');
const personNow = freeNow('può chiamarmi al numero {candidatePhone}');
/** To a team: who is writing, and about which interview. */
const teamIntro = (what: string, when = plannedFor) => `sono {candidateName} e ${what}${teamRole}${when}`;

export const templatesIt: Record<TemplateKind, TemplateText> = {
  confirmation: {
    subject: '[{group}{candidateName} – conferma del [{video}videocolloquio|colloquio telefonico][ di {subjectWhen}]|Conferma del [{video}videocolloquio|colloquio telefonico][ di {subjectWhen}][ – {position}]]',
    body: [
      greeting,
      '',
      `[{group}${teamIntro('scrivo per confermare il [{video}videocolloquio|colloquio telefonico]')}.|Le scrivo per confermare il [{video}videocolloquio|colloquio telefonico]${aboutRole}${plannedFor}. Sarà un piacere parlare con Lei.] ` +
        "[{video}Mi collegherò tramite il link[ di {videoService}] presente nell'invito.[ {group}Per qualsiasi variazione sono raggiungibile al numero {candidatePhone}.| Per qualsiasi variazione può contattarmi al numero {candidatePhone}.]|{group}Sarò disponibile per la chiamata al numero {candidatePhone}.|Sarò disponibile per la Sua chiamata al numero {candidatePhone}.]",
      '',
      '[{group}Grazie.|A presto.]',
      '',
      signature,
    ].join('\n'),
  },

  'follow-up': {
    subject: '[{group}{candidateName} – [{video}videocolloquio|colloquio][ di {subjectWhen}][, disponibile {subjectUntil}]|[{video}Videocolloquio|Colloquio][ di {subjectWhen}][ – disponibile {subjectUntil}| – {position}]]',
    body: [
      greeting,
      '',
      `[{group}${teamIntro(`scrivo in merito al ${interview}`)}.|Le scrivo in merito al ${interview}${aboutRole}${plannedFor}.] ` +
        "[{video}Sono in collegamento tramite il link[ di {videoService}] presente nell'invito. Se il link corretto fosse un altro, [{group}chiedo cortesemente di inviarmelo|La prego di inviarmelo]: mi collegherò subito.|{group}Ho provato a chiamare {attempts}, senza riuscire a mettermi in contatto.|Ho provato a chiamarla {attempts}, senza però riuscire a parlarle.|Finora non è stato possibile sentirci.]",
      '',
      // "In alternativa" sta nello stesso gruppo della disponibilità a cui si riferisce.
      '[{group}[{video}Resterò in collegamento {availableUntil}[; sono raggiungibile anche al numero {candidatePhone}]. In alternativa, sono a disposizione per fissare un nuovo appuntamento in un altro momento.|Resterò disponibile[ al numero {candidatePhone}] {availableUntil}. In alternativa, sono a disposizione per fissare un nuovo appuntamento in un altro momento.|Sono a disposizione per fissare un nuovo appuntamento in un altro momento[; sono raggiungibile al numero {candidatePhone}].]' +
        "|[{video}Resterò in collegamento {availableUntil}[; può anche chiamarmi al numero {candidatePhone}]. In alternativa, possiamo senz'altro fissare un nuovo appuntamento quando Le sarà più comodo.|Resterò disponibile[ al numero {candidatePhone}] {availableUntil}. In alternativa, possiamo senz'altro fissare un nuovo appuntamento quando Le sarà più comodo.|Possiamo senz'altro fissare un nuovo appuntamento quando Le sarà più comodo[; può contattarmi al numero {candidatePhone}].]]",
      '',
      "[{group}Grazie ancora per l'opportunità.|La ringrazio ancora per l'opportunità.]",
      '',
      signature,
    ].join('\n'),
  },

  // Da leggere ad alta voce: niente intestazione né firma, una frase breve per riga, ogni orario
  // sull'ora di chi ascolta, il fuso detto una volta sola. Nessun "Lei": va bene anche per un
  // numero condiviso.
  voicemail: {
    subject: 'Messaggio in segreteria[ – {position}]',
    body: [
      `{spokenGreeting}[, sono {candidateName} e chiamo|, chiamo] in merito al ${interview}${aboutRole}[, previsto per {spokenWhen}].`,
      '[In questo momento {spokenNow}.]',
      '[Il mio numero è {spokenPhone}. Ripeto: {spokenPhone}.]',
      "[Resterò disponibile {spokenUntil}. Se entro quell'ora non è possibile sentirci, possiamo senz'altro concordare un altro momento.|Possiamo senz'altro concordare un altro momento.]",
      'Grazie, a presto.',
    ].join('\n'),
  },

  apology: {
    subject: '[{group}{candidateName} – mi scuso per [{video}il videocolloquio mancato|la chiamata persa][ di {subjectWhen}]|Mi scuso per [{video}il videocolloquio mancato|la chiamata persa][ – {position}]]',
    body: [
      greeting,
      '',
      `[{group}${teamIntro('mi scuso per non aver [{video}partecipato al videocolloquio|risposto alla chiamata relativa al colloquio]', plannedForBeforeSlots)}. È stato un mio errore.[ Ho provato a richiamare {attempts}, senza riuscire a mettermi in contatto.]` +
        `|[{video}mi scuso per non aver partecipato al videocolloquio|mi scuso per non aver risposto alla Sua chiamata relativa al colloquio]${aboutRole}${plannedForBeforeSlots}. È stato un mio errore.[ Ho provato a richiamarla {attempts}, senza riuscire a parlarle.]]`,
      '',
      // "Subito" prima, poi gli altri orari: un elenco che inizia domani non lo contraddice.
      `[{group}[${teamNow}. In alternativa, propongo alcuni orari possibili[ {slotsZone}]:\n{slots}\nMi adatterò comunque volentieri ad altri orari.|${teamNow}. Sarebbe possibile sentirci oggi stesso o nei prossimi giorni?]` +
        `|[${personNow}. Se preferisce un altro momento, ecco alcuni orari possibili[ {slotsZone}]:\n{slots}\nMi adatterò comunque volentieri ai Suoi impegni.|${personNow}, oppure quando Le è più comodo, oggi stesso o nei prossimi giorni.]]`,
      '',
      '[{group}Grazie per la comprensione.|La ringrazio per la comprensione.]',
      '',
      signature,
    ].join('\n'),
  },

  reschedule: {
    subject: `[{group}{candidateName} – nuova data per il ${interview}[ di {subjectWhen}]|Nuova data per il ${interview}[ – {position}]]`,
    body: [
      greeting,
      '',
      `[{group}${teamIntro(`scrivo in merito al ${interview}`, plannedForBeforeSlots)}: purtroppo non è stato possibile sentirci. Sono a disposizione per fissare un nuovo appuntamento.` +
        // The time first, its zone right after it: no chain of "per il colloquio per la posizione…, previsto per".
        `|purtroppo[ {scheduledWhen}[ {localZone}{noSlots}]] non è stato possibile sentirci per il ${interview}${regardingRole}. Sono a disposizione per fissare un nuovo appuntamento.]`,
      '',
      '[{group}[Propongo alcuni orari possibili[ {slotsZone}]:\n{slots}\nSe nessuna di queste opzioni dovesse andare bene, mi adatterò volentieri ad altri orari.|Resto in attesa di sapere quale momento sarebbe più comodo, e mi adatterò volentieri.]' +
        '|[Le propongo alcuni orari possibili[ {slotsZone}]:\n{slots}\nSe nessuna di queste opzioni dovesse andarle bene, mi adatterò volentieri ai Suoi impegni.|Mi farebbe sapere quando potrebbe essere disponibile? Mi adatterò volentieri ai Suoi impegni.]]',
      '[{group}Sono raggiungibile anche al numero {candidatePhone}.|Può contattarmi anche al numero {candidatePhone}.]',
      '',
      "[{group}Resto a disposizione e ringrazio per l'attenzione.|La ringrazio e resto a Sua disposizione.]",
      '',
      signature,
    ].join('\n'),
  },

  'please-call-me': {
    subject: '[{group}{candidateName} – colloquio: sarebbe possibile ricevere una chiamata?|Potrebbe richiamarmi quando Le è comodo?[ – {position}]]',
    body: [
      greeting,
      '',
      // A shared mailbox is told the call was moved, then "nemmeno questa volta".
      `[{group}[{rescheduled}${teamIntro(`scrivo in merito al ${interview}`, rescheduledTo)}: purtroppo non è stato possibile sentirci nemmeno questa volta.|${teamIntro(`scrivo in merito al ${interview}`)}: purtroppo finora non è stato possibile sentirci.]` +
        `|[{rescheduled}purtroppo non è stato possibile sentirci[ {scheduledWhen}[ {localZone}]], all'orario che avevamo concordato per il ${interview}${regardingRole}.|purtroppo non è stato ancora possibile sentirci per il ${interview}${regardingRole}${plannedFor}.]]`,
      '',
      '[{group}Sarebbe possibile ricevere una chiamata[ al numero {candidatePhone}], nel momento più comodo?|Potrebbe chiamarmi Lei[ al numero {candidatePhone}], quando Le è più comodo?] Terrò il telefono a portata di mano.',
      '',
      '[{group}Ringrazio e resto in attesa di una chiamata.|La ringrazio e resto in attesa di una Sua chiamata.]',
      '',
      signature,
    ].join('\n'),
  },

  'thank-you': {
    subject: '[{group}{candidateName} – grazie per il colloquio[ di {scheduledDay}]|Grazie per il colloquio[ – {position}]]',
    body: [
      greeting,
      '',
      `[{group}sono {candidateName} e desidero ringraziare del colloquio[ di {scheduledDay}]${aboutRole} e del tempo dedicatomi. È stato un piacere approfondire il ruolo.[{missedCall} Apprezzo molto anche la disponibilità a risentirci dopo la chiamata persa.|{moved} Apprezzo molto anche la flessibilità nel fissare un nuovo orario.] Sarebbe possibile inoltrare i miei ringraziamenti anche alla persona con cui ho parlato?` +
        `|La ringrazio per il tempo che mi ha dedicato durante il colloquio${aboutRole}. È stato un piacere approfondire il ruolo.[{missedCall} Apprezzo molto anche la Sua disponibilità a risentirci dopo la chiamata persa.|{moved} Apprezzo molto anche la Sua flessibilità nel fissare un nuovo orario.]]`,
      '',
      '[{group}Resto a disposizione per qualsiasi ulteriore informazione e attendo con piacere un riscontro.|Resto a Sua disposizione per qualsiasi ulteriore informazione e attendo con piacere un Suo riscontro.]',
      '',
      signature,
    ].join('\n'),
  },
};
