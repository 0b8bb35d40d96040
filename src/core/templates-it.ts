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

export const templatesIt: Record<TemplateKind, TemplateText> = {
  confirmation: {
    subject: 'Conferma del colloquio[ di {scheduledDay}][ — {position}]',
    body: [
      greeting,
      '',
      `Le scrivo per confermare il colloquio${regardingRole}[, previsto per {scheduledWhen}[, {startsIn}]]. Sarà un piacere parlare con Lei.`,
      '[Per qualsiasi variazione può contattarmi al numero {candidatePhone}.]',
      '',
      'La ringrazio e a presto.',
      '',
      signature,
    ].join('\n'),
  },

  'follow-up': {
    subject: 'Il nostro colloquio[ di {scheduledDay}][ — {position}]',
    body: [
      greeting,
      '',
      `Le scrivo in merito al colloquio${aboutRole}[, previsto per {scheduledWhen}]. [Ho provato a chiamarLa {attempts}, senza però riuscire a parlarLe.|Finora non è stato possibile sentirci.]`,
      '',
      '[Resterò disponibile {minutesLeft}[ al numero {candidatePhone}] e spero di sentirLa a breve. In caso contrario, sarò felice di fissare un nuovo appuntamento quando Le sarà più comodo.|Sarò felice di fissare un nuovo appuntamento quando Le sarà più comodo[; può contattarmi al numero {candidatePhone}].]',
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
      'Buongiorno[ {interviewerName}][, sono {candidateName}].',
      `La chiamo per il colloquio${regardingRole}[, previsto per {scheduledWhen}].`,
      '[In questo momento sono le {currentTime}.]',
      '[Può richiamarmi al numero {candidatePhone}. Ripeto: {candidatePhone}.]',
      '[Resterò disponibile {minutesLeft}.]',
      'Altrimenti, sarò felice di concordare un altro momento.',
      'La ringrazio, a presto.',
    ].join('\n'),
  },

  apology: {
    subject: 'Mi scuso per la chiamata persa[ — {position}]',
    body: [
      greeting,
      '',
      'mi scuso per non aver risposto alla Sua chiamata[ relativa alla posizione di {role}[ presso {company}]]. La responsabilità è mia e ho già risolto ciò che me lo ha impedito.',
      '',
      'Per Lei andrebbe bene sentirci adesso, oppure avrebbe un momento nel corso della settimana?[ Può contattarmi al numero {candidatePhone}.]',
      "[\nSe può essere utile, ecco alcune mie disponibilità:\n{slots}\n[Gli orari sono riferiti all'ora di {timeZoneCity}.\n]Mi adatterò comunque volentieri ai Suoi impegni.]",
      '',
      'La ringrazio per la comprensione.',
      '',
      signature,
    ].join('\n'),
  },

  reschedule: {
    subject: 'Nuova data per il colloquio[ — {position}]',
    body: [
      greeting,
      '',
      `purtroppo non è stato possibile sentirci per il colloquio${regardingRole}[, previsto per {scheduledWhen}]. Comprendo bene che possano capitare degli imprevisti e sarò felice di fissare un nuovo appuntamento.`,
      '',
      "[Le propongo alcune mie disponibilità:\n{slots}\n[Gli orari sono riferiti all'ora di {timeZoneCity}.\n]Se nessuna fosse comoda, mi adatterò volentieri alle Sue esigenze.|Mi farebbe sapere quando potrebbe essere disponibile? Mi adatterò volentieri ai Suoi impegni.]",
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
      `[{rescheduled}purtroppo non è stato possibile sentirci nemmeno nel nuovo orario[, {scheduledWhen}].|purtroppo non è stato ancora possibile sentirci per il colloquio${regardingRole}[, previsto per {scheduledWhen}].]`,
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
      `La ringrazio per il colloquio${regardingRole} e per il tempo che mi ha dedicato. È stato un piacere approfondire il ruolo.[{rescheduled} Apprezzo molto anche la flessibilità con cui ha accettato di spostare il nostro incontro.]`,
      '',
      'Resto a Sua disposizione per qualsiasi ulteriore informazione e attendo con piacere un Suo riscontro.',
      '',
      signature,
    ].join('\n'),
  },
};
