import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  MAX_SURVEY_TEXT_LENGTH,
  SurveyAnswerValue,
  SurveyQuestion,
  SurveyResponseRequest,
  checkSurveyAnswers,
  isLowScore,
} from '@backstage-itsm/plugin-itsm-common';

const RATING_LABELS = [
  'Very dissatisfied',
  'Dissatisfied',
  'Neutral',
  'Satisfied',
  'Very satisfied',
];

type Answers = Record<string, SurveyAnswerValue | undefined>;

function Scale(props: {
  question: SurveyQuestion;
  values: number[];
  value: SurveyAnswerValue | undefined;
  label: (n: number) => string;
  onChange: (value: number) => void;
}) {
  const { question, values } = props;
  return (
    <RadioGroup
      row
      aria-label={question.text}
      name={question.id}
      value={props.value === undefined ? '' : String(props.value)}
      onChange={e => props.onChange(Number(e.target.value))}
    >
      {values.map(n => (
        <FormControlLabel
          key={n}
          value={String(n)}
          control={
            <Radio
              color="primary"
              inputProps={{ 'aria-label': props.label(n) }}
            />
          }
          label={String(n)}
          labelPlacement="bottom"
        />
      ))}
    </RadioGroup>
  );
}

function QuestionInput(props: {
  question: SurveyQuestion;
  value: SurveyAnswerValue | undefined;
  onChange: (value: SurveyAnswerValue | undefined) => void;
}) {
  const { question, value, onChange } = props;
  switch (question.type) {
    case 'rating':
      return (
        <Scale
          question={question}
          values={[1, 2, 3, 4, 5]}
          value={value}
          label={n => `${n}: ${RATING_LABELS[n - 1]}`}
          onChange={onChange}
        />
      );
    case 'nps':
      return (
        <>
          <Scale
            question={question}
            values={[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}
            value={value}
            label={n => `${n} of 10`}
            onChange={onChange}
          />
          <Typography variant="caption" color="textSecondary">
            0 = not at all likely, 10 = extremely likely
          </Typography>
        </>
      );
    case 'choice': {
      const options = question.options ?? [];
      if (question.multiple) {
        const picked = Array.isArray(value) ? value : [];
        return (
          <FormGroup aria-label={question.text}>
            {options.map(option => (
              <FormControlLabel
                key={option}
                label={option}
                control={
                  <Checkbox
                    color="primary"
                    checked={picked.includes(option)}
                    onChange={e =>
                      onChange(
                        e.target.checked
                          ? [...picked, option]
                          : picked.filter(p => p !== option),
                      )
                    }
                  />
                }
              />
            ))}
          </FormGroup>
        );
      }
      return (
        <RadioGroup
          aria-label={question.text}
          name={question.id}
          value={typeof value === 'string' ? value : ''}
          onChange={e => onChange(e.target.value)}
        >
          {options.map(option => (
            <FormControlLabel
              key={option}
              value={option}
              label={option}
              control={<Radio color="primary" />}
            />
          ))}
        </RadioGroup>
      );
    }
    default:
      return (
        <TextField
          multiline
          minRows={3}
          fullWidth
          variant="outlined"
          inputProps={{
            'aria-label': question.text,
            maxLength: MAX_SURVEY_TEXT_LENGTH,
          }}
          value={typeof value === 'string' ? value : ''}
          onChange={e => onChange(e.target.value)}
        />
      );
  }
}

/**
 * The questions of a survey (ratings 1–5, NPS 0–10, choices, text) and "why", which a low
 * score makes required. The answers are checked with the rules the server applies
 * (`checkSurveyAnswers`); each problem is shown under its question.
 */
export function SurveyForm(props: {
  questions: SurveyQuestion[];
  anonymous?: boolean;
  submitting?: boolean;
  onSubmit: (response: SurveyResponseRequest) => void;
}) {
  const { questions } = props;
  const [answers, setAnswers] = useState<Answers>({});
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const present = Object.fromEntries(
    Object.entries(answers).filter(([, v]) => v !== undefined),
  ) as Record<string, SurveyAnswerValue>;
  const { problems, checked } = checkSurveyAnswers(questions, {
    answers: present,
    comment,
  });
  const problemOf = (field: string) =>
    tried ? problems.find(p => p.field === field)?.message : undefined;
  const low = isLowScore({ rating: checked.rating, nps: checked.nps });

  return (
    <form
      noValidate
      aria-label="Survey"
      onSubmit={e => {
        e.preventDefault();
        setTried(true);
        if (problems.length === 0) {
          props.onSubmit({ answers: present, comment: comment.trim() || null });
        }
      }}
    >
      {questions.map(question => {
        const problem = problemOf(`answers.${question.id}`);
        return (
          <Box key={question.id} mb={3}>
            <FormControl
              component="fieldset"
              error={Boolean(problem)}
              fullWidth
            >
              <FormLabel component="legend">
                {question.text}
                {question.required ? ' *' : ''}
              </FormLabel>
              <QuestionInput
                question={question}
                value={answers[question.id]}
                onChange={value =>
                  setAnswers(current => ({ ...current, [question.id]: value }))
                }
              />
              {problem && <FormHelperText>{problem}</FormHelperText>}
            </FormControl>
          </Box>
        );
      })}
      <Box mb={3}>
        <TextField
          id="itsm-survey-comment"
          label={
            low
              ? 'What went wrong? (required with a low score)'
              : 'Anything you want to add? (optional)'
          }
          required={low}
          multiline
          minRows={3}
          fullWidth
          variant="outlined"
          value={comment}
          onChange={e => setComment(e.target.value)}
          error={Boolean(problemOf('comment'))}
          helperText={problemOf('comment')}
          inputProps={{ maxLength: MAX_SURVEY_TEXT_LENGTH }}
        />
      </Box>
      {props.anonymous && (
        <Typography variant="body2" color="textSecondary" paragraph>
          This survey is anonymous: your answers are stored without your name.
        </Typography>
      )}
      <Button
        type="submit"
        variant="contained"
        color="primary"
        disabled={props.submitting}
      >
        Send answers
      </Button>
    </form>
  );
}
