/**
 * Italian wording of every email and script, in the formal register (Lei, courtesy pronouns
 * capitalised). Same syntax as templates-en.ts; see render-template.ts.
 *
 * Nothing refers to the candidate with a gendered adjective or participle ("lieto",
 * "riuscito", "dispiaciuto"): we do not know the candidate's gender, so every sentence is
 * built to agree with no one ("sarò felice", "senza riuscire", "mi scuso").
 *
 * After "Gentile …," the body starts in lower case, as Italian letters traditionally do;
 * sentences that open with the courtesy "Le" keep its capital.
 */
import type { TemplateKind } from './types.ts';
import type { TemplateText } from './template-engine.ts';

const greeting = '[Gentile {interviewerName},|Buongiorno,]';
const signature = 'Cordiali saluti,\n{candidateName}\n{candidatePhone}\n{candidateEmail}';
/** "per la posizione di Backend Engineer presso Acme", "con Acme", or nothing. */
const aboutRole = '[ per la posizione di {role}[ presso {company}]| con {company}]';
/** The same after "per il colloquio", where a second "per" would stumble. */
const regardingRole = '[ relativo alla posizione di {role}[ presso {company}]| con {company}]';
/** "videocolloquio" for an interview with a video link and no phone number. */
const interview = '[{video}video]colloquio';
const plannedFor = '[, previsto per {scheduledWhen}]';

export const templatesIt: Record<TemplateKind, TemplateText> = {
  confirmation: {
    subject: `Conferma del ${interview}[ di {scheduledDay}][ — {position}]`,
    body: [
      greeting,
      '',
      `Le scrivo per confermare il ${interview}${regardingRole}[, previsto per {scheduledWhen}[, {startsIn}]]. Sarà un piacere parlare con Lei.`,
      "[{video}Mi collegherò tramite il link presente nell'invito.]",
      '[Per qualsiasi variazione può contattarmi al numero {candidatePhone}.]',
      '',
      'La ringrazio e a presto.',
      '',
      signature,
    ].join('\n'),
  },

  'follow-up': {
    subject: '[{video}Videocolloquio|Colloquio][ di {scheduledDay}]: in attesa di sentirci[ — {position}]',
    body: [
      greeting,
      '',
      `Le scrivo in merito al ${interview}${aboutRole}${plannedFor}. [{video}Sono in collegamento dall'orario previsto, ma finora non è stato possibile sentirci.|Ho provato a chiamarLa {attempts}, senza però riuscire a parlarLe.|Finora non è stato possibile sentirci.]`,
      '',
      // "In caso contrario" sta nello stesso gruppo della disponibilità a cui si riferisce.
      '[[{video}Resterò in collegamento|Resterò disponibile[ al numero {candidatePhone}]] {availableUntil} e spero di sentirLa a breve. In caso contrario, sarò felice di fissare un nuovo appuntamento quando Le sarà più comodo.|Sarò felice di fissare un nuovo appuntamento quando Le sarà più comodo[; può contattarmi al numero {candidatePhone}].]',
      '',
      "La ringrazio ancora per l'opportunità.",
      '',
      signature,
    ].join('\n'),
  },

  // Da leggere ad alta voce: niente intestazione né firma, una frase breve per riga.
  voicemail: {
    subject: 'Messaggio per la segreteria[ — {position}]',
    body: [
      '{spokenGreeting}[, sono {candidateName}].',
      `La chiamo per il ${interview}${regardingRole}${plannedFor}.`,
      '[In questo momento {currentTime}.]',
      '[Può richiamarmi al numero {candidatePhone}. Ripeto: {candidatePhone}.]',
      '[Resterò disponibile {availableUntil}. Se per Lei non fosse possibile, sarò felice di concordare un altro momento.|Sarò felice di concordare con Lei un altro momento.]',
      'La ringrazio e spero di sentirLa presto.',
    ].join('\n'),
  },

  apology: {
    subject: '[{video}Mi scuso per il videocolloquio mancato|Mi scuso per la chiamata persa][ — {position}]',
    body: [
      greeting,
      '',
      `[{video}mi scuso per aver mancato il nostro videocolloquio${regardingRole}|mi scuso per non aver risposto alla Sua chiamata[ per il colloquio relativo alla posizione di {role}[ presso {company}]| per il colloquio con {company}]]. La responsabilità è mia.[ Ho provato a richiamarLa {attempts}, senza riuscire a parlarLe.]`,
      '',
      'Potremmo sentirci oggi stesso o nei prossimi giorni, quando Le è più comodo?[ Può contattarmi al numero {candidatePhone}.]',
      "[\nSe può esserLe utile, ecco alcuni orari in cui sono disponibile:\n{slots}\n[Gli orari si riferiscono all'ora di {timeZoneCity}.\n]Mi adatterò comunque volentieri ai Suoi impegni.]",
      '',
      'La ringrazio per la comprensione.',
      '',
      signature,
    ].join('\n'),
  },

  reschedule: {
    subject: `Nuova data per il ${interview}[ — {position}]`,
    body: [
      greeting,
      '',
      `purtroppo non è stato possibile sentirci per il ${interview}${regardingRole}${plannedFor}. Sarò felice di fissare un nuovo appuntamento.`,
      '',
      "[Le propongo alcune mie disponibilità:\n{slots}\n[Gli orari si riferiscono all'ora di {timeZoneCity}.\n]Se nessuna fosse comoda, mi adatterò volentieri alle Sue esigenze.|Mi farebbe sapere quando potrebbe essere disponibile? Mi adatterò volentieri ai Suoi impegni.]",
      '[Può contattarmi anche al numero {candidatePhone}.]',
      '',
      'La ringrazio e resto a Sua disposizione.',
      '',
      signature,
    ].join('\n'),
  },

  'please-call-me': {
    subject: 'Può chiamarmi quando Le è più comodo?[ — {position}]',
    body: [
      greeting,
      '',
      `[{rescheduled}purtroppo non è stato possibile sentirci nemmeno al nuovo orario[, {scheduledWhen}].|purtroppo non è stato ancora possibile sentirci per il ${interview}${regardingRole}${plannedFor}.]`,
      '',
      'Per semplificare le cose, potrebbe chiamarmi Lei[ al numero {candidatePhone}] nel momento che preferisce? Terrò il telefono a portata di mano.',
      '',
      'La ringrazio per la pazienza e resto a Sua disposizione.',
      '',
      signature,
    ].join('\n'),
  },

  'thank-you': {
    subject: 'Grazie per il colloquio[ — {position}]',
    body: [
      greeting,
      '',
      `La ringrazio per il colloquio${regardingRole} e per il tempo che mi ha dedicato. È stato un piacere approfondire il ruolo.[{moved} Apprezzo molto anche la Sua flessibilità nel trovare un nuovo momento per sentirci.]`,
      '',
      'Resto a Sua disposizione per qualsiasi ulteriore informazione e attendo con piacere un Suo riscontro.',
      '',
      signature,
    ].join('\n'),
  },
};
